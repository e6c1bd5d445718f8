#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* The wide-character API (cchar_t, get_wch, setcchar, ...) is declared only under
   NCURSES_WIDECHAR; SwiftPM drops the -D flags ncursesw.pc would add. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>

/* glibc declares these only under _XOPEN_SOURCE; Swift's Glibc module is built without it. */
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

/* Globals Swift 6 refuses as not concurrency-safe. */
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *nc_stdout(void) { return stdout; }
static inline FILE *nc_stdin(void) { return stdin; }

/* Attribute macros built from NCURSES_BITS(...) do not import. */
static inline attr_t nc_a_normal(void)    { return A_NORMAL; }
static inline attr_t nc_a_bold(void)      { return A_BOLD; }
static inline attr_t nc_a_dim(void)       { return A_DIM; }
static inline attr_t nc_a_italic(void)    { return A_ITALIC; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_reverse(void)   { return A_REVERSE; }

/* Mouse masks are NCURSES_MOUSE_MASK(b, m) macros. */
static inline mmask_t nc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t nc_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t nc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t nc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t nc_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t nc_button1_triple_clicked(void) { return BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t nc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t nc_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
