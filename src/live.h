/* `careerfit room DIR`: a workshop room's results, live, for a projector.
 * The full screen shows the results saved in DIR as they arrive. */
#ifndef CAREERFIT_LIVE_H
#define CAREERFIT_LIVE_H

/* The `room` command: ARGV[0] is "room". Returns the exit code. */
int live_main(int argc, char **argv);

#endif
