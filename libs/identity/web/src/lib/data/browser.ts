import { DOCUMENT } from '@angular/common';
import { inject, InjectionToken } from '@angular/core';

/** Leaves the console for another address (an OAuth provider's consent screen). */
export const LEAVE_CONSOLE = new InjectionToken<(url: string) => void>('LEAVE_CONSOLE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return (url: string) => document.location.assign(url);
  },
});

/** Hands a file to the browser as a download. */
export const SAVE_FILE = new InjectionToken<(name: string, content: Blob) => void>('SAVE_FILE', {
  providedIn: 'root',
  factory: () => {
    const document = inject(DOCUMENT);
    return (name: string, content: Blob) => {
      const url = URL.createObjectURL(content);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      // The click has started the download; the object URL is not needed after this task.
      setTimeout(() => URL.revokeObjectURL(url));
    };
  },
});
