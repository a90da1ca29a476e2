import './ui/app.css';
import { startApp } from './ui/app.js';

/** The investigator's page (Clew 线索): see docs/client.md for how it is put together. */
void startApp(document.querySelector<HTMLElement>('#app')!);
