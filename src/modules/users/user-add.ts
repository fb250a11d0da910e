import readline from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config';
import { openDatabase } from '../../db/database';
import { DataDirInUseError } from '../../db/embedded-postgres';
import type { Db } from '../../db/knex';
import { slugify } from '../../lib/slug';
import { InvalidFieldError } from '../committees/invalid-field';
import { editUserSchema, passwordProblem, ROLE_LABELS, toAccountData, type UserRole } from './schema';
import { createAccount } from './service';

/**
 * `npm run user:add -- --email a@b.dk --name "Navn" --role secretary [--committees sus,oeu | --all] [--person-id N]`
 * The logic lives here so tests can run it without a process; scripts/user-add.ts only wires up the process.
 */

export class UsageError extends Error {}

/** Ctrl-C or end of input at the password prompt. */
export class AbortedError extends Error {}

export const USAGE = `Brug: npm run user:add -- --email navn@kommune.dk --name "Navn" --role admin|secretary|member [--committees sus,oeu | --all] [--person-id N]

  --email        brugerens e-mailadresse (bruges til at logge ind)
  --name         brugerens navn
  --role         admin, secretary (sekretær) eller member (medlem)
  --committees   for en sekretær: udvalgenes forkortelser eller adresser, adskilt af komma (fx sus,oeu)
  --all          for en sekretær: alle udvalg
  --person-id    for et medlem: id på personen i udvalgene (påkrævet for medlemmer)

Adgangskoden (mindst 12 tegn) læses fra miljøvariablen MOEDEBOG_PASSWORD, eller spørges der om den i terminalen.`;

export interface UserAddArgs {
  email: string;
  name: string;
  role: UserRole;
  /** Committee slugs or short names as given, or 'all' */
  committees: string[] | 'all' | null;
  personId: number | null;
}

const ROLE_WORDS: Record<string, UserRole> = {
  admin: 'admin',
  administrator: 'admin',
  secretary: 'secretary',
  sekretaer: 'secretary',
  member: 'member',
  medlem: 'member',
};

export function parseUserAddArgs(argv: string[]): UserAddArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        committees: { type: 'string' },
        all: { type: 'boolean' },
        'person-id': { type: 'string' },
      },
    }));
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Kommandoen kunne ikke forstås (${text}).`);
  }
  const missing = (['email', 'name', 'role'] as const).filter((k) => typeof values[k] !== 'string' || (values[k] as string).trim() === '');
  if (missing.length > 0) throw new UsageError(`Angiv ${missing.map((k) => `--${k}`).join(', ')}.`);
  const role = ROLE_WORDS[slugify(String(values.role))];
  if (!role) throw new UsageError('--role skal være admin, secretary eller member.');
  if (values.committees !== undefined && values.all) throw new UsageError('Angiv enten --committees eller --all, ikke begge.');
  if (role !== 'secretary' && (values.committees !== undefined || values.all)) throw new UsageError('--committees og --all gælder kun for sekretærer (--role secretary).');
  if (role === 'secretary' && values.committees === undefined && !values.all) throw new UsageError('Angiv sekretærens udvalg med --committees (fx sus,oeu) eller --all.');
  const rawPerson = values['person-id'];
  if (rawPerson !== undefined && !/^\d{1,9}$/.test(String(rawPerson))) throw new UsageError('--person-id skal være et tal.');
  const committees = values.all
    ? 'all'
    : typeof values.committees === 'string'
      ? values.committees
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : null;
  if (Array.isArray(committees) && committees.length === 0) throw new UsageError('Angiv mindst ét udvalg efter --committees.');
  return {
    email: String(values.email).trim(),
    name: String(values.name).trim(),
    role,
    committees,
    personId: rawPerson === undefined ? null : Number(rawPerson),
  };
}

/** "sus", "SUS", "social-og-sundhedsudvalget" or an id → the committee; the primary body wins a shared short name. */
export async function resolveCommittees(db: Db, tokens: string[]): Promise<Array<{ id: number; name: string }>> {
  const committees = (await db('committees as c')
    .join('bodies as b', 'b.id', 'c.body_id')
    .whereNot('c.kind', 'external_party')
    .select('c.id', 'c.name', 'c.slug', 'c.short_name as shortName', 'b.is_primary as primary', 'b.name as bodyName')) as Array<{
    id: number;
    name: string;
    slug: string;
    shortName: string | null;
    primary: boolean;
    bodyName: string;
  }>;
  const found: Array<{ id: number; name: string }> = [];
  for (const token of tokens) {
    const key = slugify(token);
    let matches = committees.filter((c) => String(c.id) === token || c.slug === key);
    if (matches.length === 0) matches = committees.filter((c) => c.shortName !== null && slugify(c.shortName) === key);
    if (matches.length > 1 && matches.filter((c) => c.primary).length === 1) matches = matches.filter((c) => c.primary);
    if (matches.length === 0) throw new UsageError(`Ukendt udvalg "${token}". Brug udvalgets forkortelse (fx sus) eller adresse (fx social-og-sundhedsudvalget).`);
    if (matches.length > 1) {
      throw new UsageError(`"${token}" passer på flere udvalg (${matches.map((c) => `${c.slug} i ${c.bodyName}`).join(', ')}). Brug adressen i stedet.`);
    }
    const match = matches[0] as { id: number; name: string };
    if (!found.some((f) => f.id === match.id)) found.push({ id: match.id, name: match.name });
  }
  return found;
}

const OPTION_OF: Record<string, string> = { email: '--email', name: '--name', role: '--role', scope: '--committees', committeeIds: '--committees', personId: '--person-id' };

/** Creates the account (audited as made from the command line) and returns the lines to print. */
export async function addUserFromCommand(db: Db, args: UserAddArgs, password: string): Promise<{ userId: number; lines: string[] }> {
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`${problem}.`);
  const committees = Array.isArray(args.committees) ? await resolveCommittees(db, args.committees) : [];
  const parsed = editUserSchema.safeParse({
    email: args.email,
    name: args.name,
    role: args.role,
    scope: args.role === 'secretary' ? (args.committees === 'all' ? 'all' : 'chosen') : undefined,
    committeeIds: committees.map((c) => String(c.id)),
    personId: args.personId === null ? undefined : String(args.personId),
  });
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${OPTION_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}.`).join('\n'));
  }
  const data = toAccountData(parsed.data);
  let userId: number;
  try {
    userId = await createAccount(db, data, password, { userId: null, via: 'npm run user:add' });
  } catch (error) {
    if (error instanceof InvalidFieldError) throw new UsageError(`${OPTION_OF[error.field] ?? error.field}: ${error.userMessage}.`);
    throw error;
  }
  const person = data.personId === null ? undefined : ((await db('people').where({ id: data.personId }).first('name')) as { name: string } | undefined);
  const lines = [
    'Brugeren er oprettet:',
    `  E-mail:  ${data.email}`,
    `  Navn:    ${data.name}`,
    `  Rolle:   ${ROLE_LABELS[data.role]}`,
  ];
  if (data.role === 'secretary') lines.push(`  Udvalg:  ${data.allCommittees ? 'alle udvalg' : committees.map((c) => c.name).join(', ')}`);
  if (person) lines.push(`  Person:  ${person.name} (id ${data.personId})`);
  lines.push('Brugeren kan logge ind på /login med sin e-mail og adgangskoden.');
  return { userId, lines };
}

export function inUseMessage(dataDir: string): string {
  return (
    `Databasen i ${dataDir} bruges af en kørende Mødebog-server. ` +
    'Stop serveren, og kør kommandoen igen – eller sæt DATABASE_URL, så kommandoen og serveren bruger den samme PostgreSQL-server.'
  );
}

/** Reads a line from a terminal without echoing what is typed. */
export function promptHidden(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let muted = false;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (!muted) output.write(chunk);
        callback();
      },
    });
    const rl = readline.createInterface({ input, output: sink, terminal: true });
    let answered = false;
    rl.on('SIGINT', () => {
      rl.close();
      output.write('\n');
      reject(new AbortedError('Afbrudt.'));
    });
    rl.on('close', () => {
      if (!answered) reject(new AbortedError('Afbrudt.'));
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export interface UserAddIo {
  argv: string[];
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** The whole command; returns the process's exit code (0 ok, 1 failed, 2 wrong use). */
export async function runUserAdd(io: UserAddIo): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const fail = (text: string) => io.stderr.write(`${text}\n`);
  let args: UserAddArgs;
  let config: ReturnType<typeof loadConfig>;
  let password: string;
  try {
    args = parseUserAddArgs(io.argv);
    config = loadConfig(io.env);
    const fromEnv = io.env.MOEDEBOG_PASSWORD;
    if (fromEnv !== undefined && fromEnv !== '') {
      password = fromEnv;
    } else if (io.stdin.isTTY) {
      password = await promptHidden('Adgangskode (mindst 12 tegn): ', io.stdin, io.stdout);
      const problem = passwordProblem(password);
      if (problem) throw new UsageError(`${problem}.`);
      const again = await promptHidden('Gentag adgangskoden: ', io.stdin, io.stdout);
      if (again !== password) throw new UsageError('De to adgangskoder er ikke ens.');
    } else {
      throw new UsageError('Sæt adgangskoden i miljøvariablen MOEDEBOG_PASSWORD, eller kør kommandoen i en terminal, så den kan spørge om den.');
    }
    const problem = passwordProblem(password);
    if (problem) throw new UsageError(`${problem}.`);
  } catch (error) {
    if (error instanceof AbortedError) {
      fail('Afbrudt. Ingen bruger er oprettet.');
      return 130;
    }
    if (error instanceof UsageError) {
      fail(error.message);
      fail('');
      fail(USAGE);
      return 2;
    }
    if (error instanceof ConfigError) {
      fail(`Opsætningen er ugyldig: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const debug = (m: string) => config.logLevel === 'debug' && fail(m);
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(config, debug);
  } catch (error) {
    // The embedded launcher refuses a data dir a running server uses (it never stops a live server's PostgreSQL).
    if (error instanceof DataDirInUseError) fail(inUseMessage(config.dataDir));
    else fail(`Databasen kunne ikke åbnes: ${String(error instanceof Error ? error.message : error)}`);
    return 1;
  }
  try {
    const { lines } = await addUserFromCommand(database.db, args, password);
    for (const line of lines) say(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      fail(error.message);
      return 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}
