// A script of scripts/ in its own process, as `npm run` runs it: one implementation for tests, load test and benchmark.
export { runScript } from '../../src/child-processes';
