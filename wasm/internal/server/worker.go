package server

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// goAppFetch is the fetch function of go-app's service worker: the cache
// first, for an exact match of the request, and the network otherwise.
const goAppFetch = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}`

// offlineFetch is goAppFetch with one addition: a page load the network
// cannot answer, such as a reload of a shared link (/?s=…) with the
// server stopped, is answered with the cached page for its path,
// whatever its query; the page then reads the query itself. Without
// this only the bare / worked offline.
const offlineFetch = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  if (request.mode !== "navigate") {
    return await fetch(request);
  }
  try {
    return await fetch(request);
  } catch (err) {
    const page = await caches.match(request, { ignoreSearch: true });
    if (page) {
      return page;
    }
    throw err;
  }
}`

// workerTemplate returns go-app's service worker template with
// offlineFetch in place of its fetch function, and false if go-app's
// template no longer has the function this replaces.
func workerTemplate() (string, bool) {
	if !strings.Contains(app.DefaultAppWorkerJS, goAppFetch) {
		return app.DefaultAppWorkerJS, false
	}
	return strings.Replace(app.DefaultAppWorkerJS, goAppFetch, offlineFetch, 1), true
}
