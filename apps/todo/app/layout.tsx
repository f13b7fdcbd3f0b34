import { ThemeToggle, themeScript } from "@switchyard/ui";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Switchyard Todos",
  description: "Todos with semantic search and answers routed by complexity.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
