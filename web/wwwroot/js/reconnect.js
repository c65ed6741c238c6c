// Shows the localized reconnect dialog (Components/Layout/ReconnectDialog.razor) as Blazor reports the
// state of the server connection. A rejected circuit means the server forgot us: reload at once.
const dialog = document.getElementById("components-reconnect-modal");

function show(mode) {
    dialog.dataset.mode = mode;
    if (!dialog.open) {
        dialog.showModal();
    }
}

dialog.addEventListener("components-reconnect-state-changed", (event) => {
    switch (event.detail.state) {
        case "show":
        case "retrying":
            show("rejoining");
            break;
        case "hide":
            if (dialog.open) {
                dialog.close();
            }
            break;
        case "rejected":
            location.reload();
            break;
        default: // "failed", "paused", "resume-failed"
            show("failed");
            break;
    }
});

dialog.querySelector(".kmn-reconnect-reload").addEventListener("click", () => location.reload());
