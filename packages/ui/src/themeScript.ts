// A plain module, not a client one: the server renders this string into <head>.
/** Inline this in <head> so the class is set before first paint (no flash of the wrong theme). */
export const themeScript = `try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d)}catch(e){}`;
