// Entry point: each concern lives in its own small module.
import "./checklist.js";
