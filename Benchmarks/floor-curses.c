/* The start-up floor of issue 25 (benchmark.sh, bench-startup.sh): a trivial ncurses program that
 * draws the status line's text, reads a key and ends; with an argument it does not wait for a key
 * (the floor of `tread --print`, which reads none). */
#include <curses.h>
int main(int argc, char **argv) {
    (void)argv;
    initscr(); noecho(); cbreak();
    mvaddstr(LINES - 1, 0, "? help");
    refresh();
    if (argc < 2) getch();
    endwin();
    return 0;
}
