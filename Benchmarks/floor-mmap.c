/* The load floor of issue 25: map the file and read every byte (memchr for a byte JSON never
   holds). Built by benchmark.sh and bench-load-cpu.sh. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
int main(int argc, char **argv) {
    struct stat st;
    int fd = argc > 1 ? open(argv[1], O_RDONLY) : -1;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0) return 1;
    const char *bytes = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (bytes == MAP_FAILED) return 1;
    printf("%d\n", memchr(bytes, 0, (size_t)st.st_size) != NULL);
    return 0;
}
