// Work split across tasks, so that no one task keeps the page from
// answering for long: a panel hands each piece of its work (a drawing, a
// catch-up) to a `later` callback, and the pieces run one a task.

/** Runs each piece of work `give` hands its callback in a task of its own; `next()` ends the task before each, and `run` runs it. */
export async function eachInTask(give, next, run = (work) => work()) {
  const works = [];
  give((work) => works.push(work));
  for (const work of works) {
    await next();
    run(work);
  }
}
