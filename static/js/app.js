// Entry point: each concern lives in its own small module.
import "./app-search.js";
import "./checklist.js";
import "./offline.js";
import "./page-actions.js";
import "./transfer.js";
