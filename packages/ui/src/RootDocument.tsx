import type { ReactNode } from "react";
import { ThemeToggle } from "./ThemeToggle.tsx";
import { themeScript } from "./themeScript.ts";

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
