export const NAV = [
  { href: "/", label: "Todos" },
  { href: "/usage", label: "Usage" },
];
