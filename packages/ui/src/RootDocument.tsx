// The <html> both apps render. A server component: the theme script is a plain string rendered into
// <head>, so it runs before first paint.
import type { ReactNode } from "react";
import { ThemeToggle } from "./ThemeToggle.tsx";

/** Sets the `.dark` class from the stored choice or the system preference (no flash of the wrong theme). */
const themeScript = `try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;

/** The <html> both apps render: the theme set before first paint, and the dark-mode toggle. */
export function RootDocument({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body>
        {children}
        <div className="fixed right-4 bottom-4">
          <ThemeToggle />
        </div>
      </body>
    </html>
  );
}
