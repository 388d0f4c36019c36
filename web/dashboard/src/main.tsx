import { render } from "preact";
import { startSession } from "./api/session";
import { App } from "./app";
import "./styles.css";

render(<App />, document.getElementById("app")!);
void startSession();
