// The server in its own process, as `npm start` runs it: one implementation for tests, load test and benchmark.
export { startServer, stopServer, type ServerProcess } from '../../src/child-processes';
