import type { User } from './repository';

/** Can this user draft and publish for this committee? */
export function canEditCommittee(user: User | undefined, committeeId: number): boolean {
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'secretary') return false;
  return user.allCommittees || user.committeeIds.includes(committeeId);
}

export function isStaff(user: User | undefined): boolean {
  return user?.role === 'admin' || user?.role === 'secretary';
}
