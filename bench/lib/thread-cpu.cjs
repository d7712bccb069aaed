// Preloaded with `node --require` (Linux): at exit, writes the CPU time of the process's main
// thread and of its other threads (V8's workers: concurrent compilation and GC) to stderr, from
// /proc/self/task, as one line `BULKHEAD_THREAD_CPU {"mainMs":…,"otherMs":…}`.
const fs = require('node:fs');

process.on('exit', () => {
  let mainMs = 0;
  let otherMs = 0;
  try {
    for (const task of fs.readdirSync('/proc/self/task')) {
      const stat = fs.readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // utime and stime, in clock ticks (100 per second), after the command name in parentheses
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      if (Number(task) === process.pid) mainMs = ms;
      else otherMs += ms;
    }
  } catch {
    return; // not Linux
  }
  process.stderr.write(`BULKHEAD_THREAD_CPU ${JSON.stringify({ mainMs, otherMs })}\n`);
});
