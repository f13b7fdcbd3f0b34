export const NAV = [
  { href: "/", label: "Generate" },
  { href: "/gallery", label: "Gallery" },
  { href: "/usage", label: "Usage" },
];
