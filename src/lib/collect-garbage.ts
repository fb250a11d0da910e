import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, now: for a process that has just left hundreds of megabytes of garbage (a publish
 * that wrote most of the site) or is about to be measured (the bench). V8 would otherwise collect it when the heap
 * next fills, in the middle of whatever runs then. Node makes V8's collector callable only behind a flag, which is
 * set here.
 */
export function collectGarbageNow(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
