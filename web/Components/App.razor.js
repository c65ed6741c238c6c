// Clicks and typing on an open page are activity for the session's idle timeout (Auth/StaffSessions): the
// circuit itself sends no HTTP requests, so tell the server at most once a minute while someone is working.
(() => {
    const minimumGap = 60 * 1000;
    let last = Date.now();
    const report = () => {
        const now = Date.now();
        if (now - last < minimumGap) {
            return;
        }
        last = now;
        fetch("/account/activity", { method: "POST", credentials: "same-origin", cache: "no-store" }).catch(() => { });
    };
    for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) {
        addEventListener(type, report, { passive: true, capture: true });
    }
})();
