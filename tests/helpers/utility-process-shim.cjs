// Plays Electron's utilityProcess under plain Node for tests: a child started with child_process.fork (and tsx)
// gets `process.parentPort` as a utility process has it, then runs the entry module named in argv[2].
process.parentPort = {
  on: (event, listener) => process.on(event, (data) => listener({ data })),
  postMessage: (message) => process.send(message),
};
require(process.argv[2]);
