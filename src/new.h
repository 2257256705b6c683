/* `careerfit new QUIZ-ID [FOLDER]`: writes a starting quiz. */
#ifndef CAREERFIT_NEW_H
#define CAREERFIT_NEW_H

/* ARGV[0] is "new". Returns the exit status: 0 written (or --help), 1 the
 * file exists or cannot be written, 2 a usage error (a bad id). */
int new_main(int argc, char **argv);

#endif
