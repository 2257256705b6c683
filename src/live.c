#include "live.h"

#include <stdio.h>

int live_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("careerfit: room: not built yet\n", stderr);
	return 2;
}
