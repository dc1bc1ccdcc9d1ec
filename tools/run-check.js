// `npm run check`: tools/check.ts run as precompiled JavaScript under plain Node (see precompiled.js).
"use strict";

const precompiled = require("./precompiled");

precompiled.register();
require("./check.ts").cli(precompiled.mapStackTraces);
