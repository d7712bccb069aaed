#!/usr/bin/env node
'use strict';
process.exitCode = require('../dist/boot.js').main(process.argv.slice(2));
