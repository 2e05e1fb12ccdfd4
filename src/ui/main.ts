const app = document.getElementById("app");
if (app) app.textContent = "Repost Threshold Lab";
