// Entry point: each concern lives in its own small module.
import "./checklist.js";
import "./language-choice.js";
import "./on-device/index.js";
import "./offline.js";
import "./page-actions.js";
import "./transfer.js";
