/* Translation: every string careerfit shows a person goes through gettext
 * (the "careerfit" domain, po/ in the sources). _() marks and translates,
 * N_() only marks (tables translated where they are used), P_() picks a
 * plural form. A sentence is always one string with its numbers as
 * %-conversions, never glued from pieces a translator cannot reorder. */
#ifndef CAREERFIT_I18N_H
#define CAREERFIT_I18N_H

#include <libintl.h>
#include <stdbool.h>

/* True when gettext could only give back the English it is given:
 * messages in the C locale (C, POSIX, or C.UTF-8 without LANGUAGE, which
 * gettext reads in C.UTF-8). Each gettext() call looks the domain up
 * again (locale aliases and three missing files the first time), and
 * every screen makes dozens: careerfit skips them then. */
extern bool i18n_untranslated;

#define _(text) (i18n_untranslated ? (text) : gettext(text))
#define N_(text) (text)
#define P_(one, many, count) i18n_plural((one), (many), (unsigned long)(count))

/* format_arg: printf's arguments are still checked against ONE and MANY,
 * as they are through ngettext. */
__attribute__((format_arg(1), format_arg(2))) static inline const char *
i18n_plural(const char *one, const char *many, unsigned long count)
{
	if (i18n_untranslated)
		return count == 1 ? one : many; /* ngettext's own rule without a catalogue */
	return ngettext(one, many, count);
}

/* Binds the domain: the installed catalogue folder, or
 * $CAREERFIT_LOCALE_DIR for an uninstalled build (meson devenv, the tests).
 * Again after LANGUAGE or the locale changes (--lang). */
void i18n_init(void);

#endif
