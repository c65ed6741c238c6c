// Loads older timeline history as the user scrolls: when the sentinel under the last entry comes into view
// (or is still in view after a load, on a short page), ask the component for the next slice. One request at a
// time; the server answers whether more remains. Assets are served by the portal itself (no CDN).
export function observe(sentinel, component) {
    let loading = false;
    const observer = new IntersectionObserver(async entries => {
        if (loading || !entries.some(e => e.isIntersecting)) {
            return;
        }
        loading = true;
        try {
            const more = await component.invokeMethodAsync("LoadOlderOnScroll");
            if (!more) {
                return; // the sentinel is hidden now; a filter change that reveals older entries shows it again
            }
        } catch {
            observer.disconnect(); // the circuit went away: the button still works after a reconnect
            return;
        } finally {
            loading = false;
        }
        // Re-observing reports the sentinel's current visibility, so a page that is still short keeps filling.
        observer.unobserve(sentinel);
        observer.observe(sentinel);
    }, { rootMargin: "600px 0px" });
    observer.observe(sentinel);
    return { dispose: () => observer.disconnect() };
}
