export { getLiveStatus, healthGET, type LiveStatus } from "./liveStatus";
export { databaseLabel, getDb } from "./services";
