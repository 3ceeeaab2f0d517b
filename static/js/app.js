// Entry point: each concern lives in its own small module.
import "./app-search.js";
import "./checklist.js";
import "./exposure.js";
import "./my-apps.js";
import "./offline.js";
import "./page-actions.js";
import "./set-aside.js";
import "./transfer.js";
import "./walk.js";
