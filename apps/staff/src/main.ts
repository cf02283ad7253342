import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

// A failed bootstrap leaves a blank page: report it like any uncaught error (console, error listeners).
bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => reportError(error));
