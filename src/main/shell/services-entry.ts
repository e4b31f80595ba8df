// Entry of the services process (Electron utilityProcess, bundled as out/main/services.js): the store, the
// services and the API run here, so the window never waits on SQLite, validation or exceljs.
import { serveServices } from './services-child';
import type { ParentPortLike } from './services-protocol';

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (port) serveServices(port);
