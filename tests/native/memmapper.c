/* A process with a known memory map, for the memory-map live test (tests/TopSharp.Core.Tests/Memory).
 * Usage: memmapper FILE
 * Writes FILE (64 MiB), maps all of it read-only and private, reads the first 16 MiB page by page,
 * then maps 32 MiB of private anonymous memory and writes every page of it. Prints
 * "ready FILE_START ANON_START" (hex) on stdout and waits until stdin closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>

#define MIB (1024UL * 1024UL)

int main(int argc, char **argv)
{
    if (argc != 2) { fprintf(stderr, "usage: memmapper FILE\n"); return 2; }
    long page = sysconf(_SC_PAGESIZE);
    int fd = open(argv[1], O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) { perror("open"); return 1; }
    static char block[MIB];
    memset(block, 0x5a, sizeof block);
    for (int i = 0; i < 64; i++)
        if (write(fd, block, sizeof block) != (ssize_t)sizeof block) { perror("write"); return 1; }

    volatile unsigned char *file = mmap(NULL, 64 * MIB, PROT_READ, MAP_PRIVATE, fd, 0);
    if (file == MAP_FAILED) { perror("mmap file"); return 1; }
    madvise((void *)file, 64 * MIB, MADV_RANDOM); /* no fault-around beyond the pages read */
    unsigned sum = 0;
    for (unsigned long off = 0; off < 16 * MIB; off += page) sum += file[off];

    unsigned char *anon = mmap(NULL, 32 * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (anon == MAP_FAILED) { perror("mmap anon"); return 1; }
    for (unsigned long off = 0; off < 32 * MIB; off += page) anon[off] = (unsigned char)(off + sum);

    printf("ready %lx %lx\n", (unsigned long)file, (unsigned long)anon);
    fflush(stdout);
    char c;
    while (read(0, &c, 1) > 0) {}
    return 0;
}
