// Sizes each embedded nnplay panel to the height it reports (the `nnplay:height` message).
addEventListener("message", (e) => {
  for (const f of document.querySelectorAll("iframe")) if (f.contentWindow === e.source && e.data?.type === "nnplay:height") f.style.height = `${e.data.height}px`;
});
