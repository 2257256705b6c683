/* Translation: every string careerfit shows a person goes through gettext
 * (the "careerfit" domain, po/ in the sources). _() marks and translates,
 * N_() only marks (tables translated where they are used), P_() picks a
 * plural form. A sentence is always one string with its numbers as
 * %-conversions, never glued from pieces a translator cannot reorder. */
#ifndef CAREERFIT_I18N_H
#define CAREERFIT_I18N_H

#include <libintl.h>

#define _(text) gettext(text)
#define N_(text) (text)
#define P_(one, many, count) ngettext((one), (many), (unsigned long)(count))

/* Binds the domain: the installed catalogue folder, or
 * $CAREERFIT_LOCALE_DIR for an uninstalled build (meson devenv, the tests). */
void i18n_init(void);

#endif
