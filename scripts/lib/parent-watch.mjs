// Preloaded into each app server by scripts/start.mjs (`node --import …/parent-watch.mjs build/index.js`): when
// the launcher is gone (killed with -9, so it could not stop its children), the server shuts down as on SIGTERM
// instead of holding its port. The launcher's pid comes in UTVAG_PARENT_PID. The check does not keep the process
// alive on its own.
const parent = Number(process.env.UTVAG_PARENT_PID);

function parentGone() {
  try {
    process.kill(parent, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}

if (Number.isInteger(parent) && parent > 0) {
  const timer = setInterval(() => {
    if (!parentGone()) return;
    clearInterval(timer);
    process.stderr.write('The launcher is gone: shutting down.\n');
    process.kill(process.pid, 'SIGTERM'); // adapter-node's graceful shutdown
    setTimeout(() => process.exit(1), 10_000).unref();
  }, 1000);
  timer.unref();
}
