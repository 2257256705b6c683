/* `careerfit room DIR`: the mentor's live view of a workshop room. The
 * folder is watched with inotify and scanned when something lands in it
 * (once a second where inotify is unavailable); a file is parsed only when
 * it is new or its size, time or inode changed, so a scan of many results
 * costs one stat() per file. The tally (top roles, bands, latest arrivals,
 * what the room picked per question) is rebuilt from the parsed records
 * when something changed, and drawn with the quiz's own header and size
 * check. Like tui.c, our own signal handlers only set a flag, and every
 * way out goes through endwin(). */
#include "live.h"

#include <curses.h>
#include <dirent.h>
#include <getopt.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "careerfit/catalog.h"
#include "careerfit/i18n.h"
#include "careerfit/report.h"
#include "careerfit/results.h"
#include "careerfit/text.h"
#include "complain.h"
#include "tui/screen.h"
#include "tui/terminal.h"

enum { EXIT_ROOM_FAILED = 1, EXIT_ROOM_USAGE = 2 };

/* From this width on, the latest arrivals get a column of their own. */
#define WIDE_COLUMNS 120
#define LABEL_MAX 32

/* A file of the folder as last seen: its stat() tells whether it changed
 * since it was parsed; RECORD is NULL for a broken or foreign file. */
struct seen_file {
	char *path;
	struct stat info;
	struct result_record *record;
	unsigned long pass; /* the last scan that found it */
};

struct live_role {
	const char *id; /* borrowed from a record, as is the name */
	const char *name;
	size_t count; /* how many had it among their top roles */
};

struct room {
	const char *dir;
	const char *quiz_id; /* --quiz, or NULL: the quiz with most results */
	struct seen_file *files;
	size_t file_count;
	unsigned long pass;
	bool unreadable; /* the last scan could not read the folder */
	bool changed;	 /* a file came, went or changed: tally again */
	/* The tally, rebuilt after a change; it borrows from the records. */
	struct result_record **shown; /* the shown quiz's, newest first */
	size_t shown_count;
	const char *shown_quiz;		      /* its id, or NULL before the first result */
	struct report picked;		      /* the shown quiz's answers, per question */
	const struct report_group *questions; /* the newest result's group */
	size_t joined;			      /* marks of the shown quiz in .joined */
	struct live_role *roles;
	size_t role_count;
	size_t too_few;			      /* band insufficient: they top no role */
	size_t bands[CLARITY_BAND_COUNT + 1]; /* the last: files without a band */
	size_t skipped;			      /* broken or foreign files */
	size_t other_quiz;		      /* results of quizzes not shown */
};

/* ---- the folder ---- */

/* A linear search: a scan visits each of a room's tens of files once a
 * second, which costs far less than the stat() beside it. */
static struct seen_file *room_find(struct room *room, const char *path)
{
	for (size_t i = 0; i < room->file_count; i++)
		if (strcmp(room->files[i].path, path) == 0)
			return &room->files[i];
	return NULL;
}

static struct seen_file *room_append(struct room *room, const char *path)
{
	struct seen_file *files =
		realloc(room->files, (room->file_count + 1) * sizeof(*room->files));
	if (!files)
		return NULL;
	room->files = files;
	char *copy = strdup(path);
	if (!copy)
		return NULL;
	files[room->file_count] = (struct seen_file){.path = copy};
	return &files[room->file_count++];
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mode == b->st_mode && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Why a file was refused is not shown: the footer counts them, and
 * `careerfit report` names each one. */
static struct result_record *read_record(const char *path, const struct stat *info)
{
	if (!S_ISREG(info->st_mode))
		return NULL;
	char *error = NULL;
	struct result_record *record = results_read(path, &error);
	free(error);
	return record;
}

static bool scan_visit(const char *path, void *data)
{
	struct room *room = data;
	struct stat info;
	struct seen_file *file = room_find(room, path);
	if (stat(path, &info) != 0)
		return true; /* gone between the listing and now */
	if (file && same_file(&file->info, &info)) {
		file->pass = room->pass;
		return true;
	}
	if (!file && !(file = room_append(room, path)))
		return false;
	result_record_free(file->record);
	file->record = read_record(path, &info);
	file->info = info;
	file->pass = room->pass;
	room->changed = true;
	return true;
}

/* Forgets the files the last scan did not find. */
static void room_drop_gone(struct room *room)
{
	size_t kept = 0;
	for (size_t i = 0; i < room->file_count; i++) {
		struct seen_file *file = &room->files[i];
		if (file->pass == room->pass) {
			room->files[kept++] = *file;
			continue;
		}
		result_record_free(file->record);
		free(file->path);
		room->changed = true;
	}
	room->file_count = kept;
}

static void room_scan(struct room *room)
{
	room->pass++;
	int status = catalog_each_file(room->dir, scan_visit, room);
	/* A folder that went away keeps the last picture up, with a note. */
	room->unreadable = status < 0;
	if (status > 0)
		room_drop_gone(room);
}

/* ---- the tally ---- */

/* Broken files last; results by their time, then (two in the same
 * second) by when the file was written. */
static int newest_first(const void *a, const void *b)
{
	const struct seen_file *x = a, *y = b;
	if (!x->record || !y->record)
		return (x->record == NULL) - (y->record == NULL);
	int order = strcmp(y->record->time, x->record->time); /* ISO 8601 sorts */
	if (order)
		return order;
	const struct timespec *p = &x->info.st_mtim, *q = &y->info.st_mtim;
	if (p->tv_sec != q->tv_sec)
		return p->tv_sec < q->tv_sec ? 1 : -1;
	if (p->tv_nsec != q->tv_nsec)
		return p->tv_nsec < q->tv_nsec ? 1 : -1;
	return strcmp(y->path, x->path);
}

/* The quiz shown: --quiz, or the one with most results (on a tie, the
 * one of the latest result). RECORDS are sorted newest first. A room
 * holds tens of results, so counting pair by pair is quick enough. */
static const char *chosen_quiz(const struct room *room, struct result_record *const *records,
			       size_t count)
{
	if (room->quiz_id)
		return room->quiz_id;
	const char *best = NULL;
	size_t most = 0;
	for (size_t i = 0; i < count; i++) {
		size_t same = 0;
		for (size_t j = 0; j < count; j++)
			same += strcmp(records[i]->quiz_id, records[j]->quiz_id) == 0;
		if (same > most) {
			most = same;
			best = records[i]->quiz_id;
		}
	}
	return best;
}

/* Roles are matched by id, so results of two versions of a quiz add up;
 * a role only some results have is added when first met. */
static bool count_roles(struct room *room, const struct result_record *record)
{
	bool claims = !(record->has_band && record->band == CLARITY_INSUFFICIENT);
	room->too_few += !claims;
	room->bands[record->has_band ? record->band : CLARITY_BAND_COUNT]++;
	for (size_t r = 0; r < record->role_count; r++) {
		const struct result_role *role = &record->roles[r];
		size_t i = 0;
		while (i < room->role_count && strcmp(room->roles[i].id, role->id) != 0)
			i++;
		if (i == room->role_count) {
			struct live_role *roles =
				realloc(room->roles, (i + 1) * sizeof(*room->roles));
			if (!roles)
				return false;
			room->roles = roles;
			roles[room->role_count++] = (struct live_role){role->id, role->name, 0};
		}
		room->roles[i].count += claims && role->top;
	}
	return true;
}

/* What the room picked, counted by the report module as `careerfit
 * report` counts it: records are added oldest first, so each option's
 * text is as its first picker saw it. A record its group refuses (the
 * same quiz hash with other roles) is left out of the questions only. The
 * questions shown are those of the newest result's quiz version. */
static void count_picked(struct room *room)
{
	for (size_t i = room->shown_count; i-- > 0;)
		report_add(&room->picked, room->shown[i]);
	for (size_t g = 0; g < room->picked.group_count && room->shown_count; g++) {
		const struct report_group *group = &room->picked.groups[g];
		for (size_t i = 0; i < group->record_count; i++)
			if (group->records[i] == room->shown[0])
				room->questions = group;
	}
}

static void tally_clear(struct room *room)
{
	report_clear(&room->picked);
	room->questions = NULL;
	room->shown_quiz = NULL;
	free(room->shown);
	free(room->roles);
	room->shown = NULL;
	room->roles = NULL;
	room->shown_count = room->role_count = 0;
	room->too_few = room->skipped = room->other_quiz = 0;
	memset(room->bands, 0, sizeof(room->bands));
}

/* Roles in the order of the oldest result, which is the quiz file's. */
static bool room_tally(struct room *room)
{
	tally_clear(room);
	room->shown = calloc(room->file_count + 1, sizeof(*room->shown));
	if (!room->shown)
		return false;
	/* The seen files are kept newest first: only room_find walks them. */
	qsort(room->files, room->file_count, sizeof(*room->files), newest_first);
	size_t count = 0;
	for (size_t i = 0; i < room->file_count; i++) {
		if (room->files[i].record)
			room->shown[count++] = room->files[i].record;
		else
			room->skipped++;
	}
	const char *quiz = chosen_quiz(room, room->shown, count);
	for (size_t i = count; i-- > 0;) {
		const struct result_record *record = room->shown[i];
		if (!quiz || strcmp(record->quiz_id, quiz) != 0) {
			room->other_quiz++;
			continue;
		}
		if (!count_roles(room, record))
			return false;
	}
	/* Keep the shown quiz's records only, still newest first. */
	for (size_t i = 0; i < count; i++)
		if (quiz && strcmp(room->shown[i]->quiz_id, quiz) == 0)
			room->shown[room->shown_count++] = room->shown[i];
	room->shown_quiz = quiz;
	count_picked(room);
	return true;
}

/* ---- who joined ---- */

/* results_mark_joined() keeps at most this many bytes of the quiz id. */
#define JOINED_ID_MAX 64

/* DIR/.joined, newly allocated, or NULL when memory runs out. */
static char *joined_path(const char *dir)
{
	size_t size = strlen(dir) + sizeof("/" RESULTS_JOINED_FOLDER);
	char *path = malloc(size);
	if (path)
		snprintf(path, size, "%s/" RESULTS_JOINED_FOLDER, dir);
	return path;
}

/* The marks of QUIZ (QUIZ-NAME-HASH), or of every quiz when QUIZ is
 * NULL; only names are read, the marks are empty. No folder, no marks. */
static size_t count_joined(const char *dir, const char *quiz)
{
	char *path = joined_path(dir);
	DIR *folder = path ? opendir(path) : NULL;
	free(path);
	if (!folder)
		return 0;
	size_t length = quiz ? strlen(quiz) : 0, count = 0;
	length = length > JOINED_ID_MAX ? JOINED_ID_MAX : length;
	const struct dirent *entry;
	while ((entry = readdir(folder)) != NULL) {
		const char *name = entry->d_name;
		if (name[0] != '.' &&
		    (!quiz || (strncmp(name, quiz, length) == 0 && name[length] == '-')))
			count++;
	}
	closedir(folder);
	return count;
}

static void room_clear(struct room *room)
{
	tally_clear(room);
	for (size_t i = 0; i < room->file_count; i++) {
		result_record_free(room->files[i].record);
		free(room->files[i].path);
	}
	free(room->files);
	room->files = NULL;
	room->file_count = 0;
}

/* ---- drawing ---- */

enum live_pair { LIVE_PAIR_HEADING = 32, LIVE_PAIR_DIM, LIVE_PAIR_ROLE };

static const short role_colors[] = {COLOR_CYAN,	  COLOR_MAGENTA, COLOR_GREEN,
				    COLOR_YELLOW, COLOR_BLUE,	 COLOR_RED};
#define ROLE_COLOR_COUNT (sizeof(role_colors) / sizeof(role_colors[0]))

static bool live_colors;

/* The header's colours are draw.c's; the room's bars have pairs of their
 * own, numbered past draw.c's, in the same role colours as the results. */
static void init_colors(bool color)
{
	draw_init_colors(color);
	live_colors = draw_colors_on() && COLOR_PAIRS > LIVE_PAIR_ROLE + 8;
	if (!live_colors)
		return;
	init_pair(LIVE_PAIR_HEADING, COLOR_YELLOW, -1);
	init_pair(LIVE_PAIR_DIM, COLOR_BLUE, -1);
	for (size_t i = 0; i < ROLE_COLOR_COUNT; i++)
		init_pair((short)(LIVE_PAIR_ROLE + i), role_colors[i], -1);
}

static attr_t pair_attr(int pair)
{
	return live_colors ? COLOR_PAIR(pair) : A_NORMAL;
}

/* A column of the screen: rows Y up to (not including) BOTTOM. */
struct area {
	int x, y, width, bottom;
};

/* Draws sanitised-on-the-way TEXT in at most COLUMNS columns, one line. */
static void put_text(int y, int x, const char *text, int columns)
{
	char *clean = text_sanitize(text);
	if (!clean || columns <= 0) {
		free(clean);
		return;
	}
	for (char *c = clean; *c; c++)
		*c = *c == '\n' ? ' ' : *c;
	draw_text(y, x, clean, (size_t)columns);
	free(clean);
}

struct bar {
	const char *label;
	size_t count, total;
	attr_t color;
	int label_width, count_width, thickness;
};

/* A label, a bar as long as COUNT's share of TOTAL, and the count; rows
 * below the area (a quiz of many roles on a small screen) are left out. */
static void draw_bar(const struct area *area, int y, const struct bar *bar)
{
	if (y >= area->bottom)
		return;
	int length = area->width - bar->label_width - bar->count_width - 2;
	length = length > 4 ? length : 4;
	size_t filled =
		bar->total ? (bar->count * (size_t)length + bar->total / 2) / bar->total : 0;
	if (bar->count && !filled)
		filled = 1; /* one result is never nothing */
	attrset(A_BOLD);
	put_text(y, area->x, bar->label, bar->label_width);
	for (int row = 0; row < bar->thickness && y + row < area->bottom; row++) {
		move(y + row, area->x + bar->label_width + 1);
		attrset(A_BOLD | bar->color);
		for (size_t i = 0; i < (size_t)length; i++) {
			if (i == filled)
				attrset(pair_attr(LIVE_PAIR_DIM));
			addstr(i < filled ? glyphs_get()->full : glyphs_get()->empty);
		}
	}
	attrset(A_BOLD);
	mvprintw(y, area->x + bar->label_width + length + 2, "%*zu", bar->count_width, bar->count);
	attrset(A_NORMAL);
}

static void draw_heading(int y, int x, const char *text, int width)
{
	attrset(A_BOLD | pair_attr(LIVE_PAIR_HEADING));
	put_text(y, x, text, width);
	attrset(A_NORMAL);
}

static int digits(size_t value)
{
	int count = 1;
	while (value >= 10) {
		value /= 10;
		count++;
	}
	return count;
}

/* The widest role name (and "Too few answers"), within reason. */
static int label_width(const struct room *room, int width)
{
	size_t widest = text_width(_("Too few answers"));
	for (size_t r = 0; r < room->role_count; r++) {
		char *clean = text_sanitize(room->roles[r].name);
		size_t name = clean ? text_width(clean) : 0;
		widest = name > widest ? name : widest;
		free(clean);
	}
	int most = width / 2 > LABEL_MAX ? LABEL_MAX : width / 2;
	return (int)widest > most ? most : (int)widest;
}

/* How the stats are laid out: bars of one to three rows (thick bars read
 * from the back of a room), and the bands as bars or on one line. */
struct layout {
	int thickness;
	bool band_bars;
};

/* A thick bar has a blank row under it, to keep bars apart. */
static int rows_per_bar(struct layout layout)
{
	return layout.thickness == 1 ? 1 : layout.thickness + 1;
}

static int band_rows(const struct room *room)
{
	return CLARITY_BAND_COUNT + (room->bands[CLARITY_BAND_COUNT] > 0);
}

static int stats_rows(const struct room *room, struct layout layout)
{
	int per_bar = rows_per_bar(layout);
	int roles = (int)room->role_count + 1;
	return 3 + roles * per_bar + 2 + (layout.band_bars ? band_rows(room) : 1);
}

/* The richest layout that leaves RESERVE rows of AREA free. */
static struct layout choose_layout(const struct room *room, const struct area *area, int reserve)
{
	static const struct layout choices[] = {{3, true}, {2, true}, {1, true}, {1, false}};
	int rows = area->bottom - area->y - reserve;
	for (size_t i = 0; i < 3; i++)
		if (stats_rows(room, choices[i]) <= rows)
			return choices[i];
	return choices[3];
}

static void draw_role_bars(const struct room *room, const struct area *area, int y,
			   struct layout layout)
{
	int per_bar = rows_per_bar(layout);
	struct bar bar = {
		.total = room->shown_count,
		.label_width = label_width(room, area->width),
		.count_width = digits(room->shown_count),
		.thickness = layout.thickness,
	};
	for (size_t r = 0; r < room->role_count; r++, y += per_bar) {
		bar.label = room->roles[r].name;
		bar.count = room->roles[r].count;
		bar.color = pair_attr(LIVE_PAIR_ROLE + (int)(r % ROLE_COLOR_COUNT));
		draw_bar(area, y, &bar);
	}
	bar.label = _("Too few answers");
	bar.count = room->too_few;
	bar.color = pair_attr(LIVE_PAIR_DIM);
	draw_bar(area, y, &bar);
}

static const char *band_label(int band)
{
	return band < CLARITY_BAND_COUNT ? clarity_band_word((enum clarity_band)band)
					 /* TRANSLATORS: the band of results saved before careerfit
					  * told how sure a result is. */
					 : _("no band");
}

/* The bands in one line, for a screen without the rows for bars. */
static void draw_band_line(const struct room *room, const struct area *area, int y)
{
	char line[256];
	size_t used = 0;
	for (int b = 0; b < band_rows(room) && used < sizeof(line); b++)
		used += (size_t)snprintf(line + used, sizeof(line) - used, "%s%s %zu",
					 b ? "   " : "", band_label(b), room->bands[b]);
	put_text(y, area->x, line, area->width);
}

static void draw_band_bars(const struct room *room, const struct area *area, int y)
{
	/* Green for a firm answer, down to dim for none. */
	static const int pairs[] = {LIVE_PAIR_ROLE + 2, LIVE_PAIR_ROLE, LIVE_PAIR_ROLE + 3,
				    LIVE_PAIR_DIM, LIVE_PAIR_DIM};
	struct bar bar = {
		.total = room->shown_count,
		.label_width = label_width(room, area->width),
		.count_width = digits(room->shown_count),
		.thickness = 1,
	};
	for (int b = 0; b < band_rows(room); b++) {
		bar.label = band_label(b);
		bar.count = room->bands[b];
		bar.color = pair_attr(pairs[b]);
		draw_bar(area, y + b, &bar);
	}
}

/* "3 joined, 2 finished": a count each, so that each takes its own
 * plural form. */
static void joined_line(size_t joined, size_t finished, char *line, size_t size)
{
	char first[64], second[64];
	/* TRANSLATORS: how many participants joined the room. */
	snprintf(first, sizeof(first), P_("%zu joined", "%zu joined", joined), joined);
	/* TRANSLATORS: how many participants of the room finished the quiz. */
	snprintf(second, sizeof(second), P_("%zu finished", "%zu finished", finished), finished);
	snprintf(line, size, _("%1$s, %2$s"), first, second);
}

/* "3 joined, 2 finished" once participants join through --room; results
 * saved with --save alone leave no mark, so then "2 participants". */
static void participants_line(const struct room *room, char *line, size_t size)
{
	if (room->joined)
		joined_line(room->joined, room->shown_count, line, size);
	else
		snprintf(line, size, P_("%zu participant", "%zu participants", room->shown_count),
			 room->shown_count);
}

static void draw_stats(const struct room *room, const struct area *area, struct layout layout)
{
	char count[96];
	participants_line(room, count, sizeof(count));
	attrset(A_BOLD);
	put_text(area->y, area->x, count, area->width);
	attrset(A_NORMAL);
	int y = area->y + 2;
	draw_heading(y++, area->x, _("Top result (a tie counts for each tied role)"), area->width);
	draw_role_bars(room, area, y, layout);
	int per_bar = rows_per_bar(layout);
	y += ((int)room->role_count + 1) * per_bar + 1;
	if (y + 1 >= area->bottom)
		return; /* no room left for the bands */
	/* TRANSLATORS: the heading over the bands (clear, leaning...). */
	draw_heading(y++, area->x, _("How sure"), area->width);
	if (layout.band_bars)
		draw_band_bars(room, area, y);
	else
		draw_band_line(room, area, y);
}

/* "HH:MM" in local time from a result's ISO 8601 UTC time, or "". */
static void local_clock(const char *iso, char out[8])
{
	struct tm when = {0};
	out[0] = '\0';
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d", &when.tm_year, &when.tm_mon,
			   &when.tm_mday, &when.tm_hour, &when.tm_min, &when.tm_sec) != 6)
		return;
	when.tm_year -= 1900;
	when.tm_mon -= 1;
	time_t seconds = timegm(&when);
	struct tm local;
	if (seconds != (time_t)-1 && localtime_r(&seconds, &local))
		strftime(out, 8, "%H:%M", &local);
}

/* What the mentor chose to see: the summary (QUESTION 0) or question
 * QUESTION, and whether the latest arrivals' names are up. Names stay
 * hidden until asked for: the room is projected, and not everyone wants
 * their name on a wall the moment they finish. */
struct room_view {
	size_t question;
	bool names;
};

static void draw_arrivals(const struct room *room, const struct area *area, bool names)
{
	if (area->bottom - area->y < 2)
		return;
	draw_heading(area->y, area->x, _("Latest arrivals"), area->width);
	int y = area->y + 1;
	if (!names) {
		attrset(pair_attr(LIVE_PAIR_DIM));
		/* TRANSLATORS: v is the key, which stays v. */
		put_text(y++, area->x, _("names hidden: press v to show"), area->width);
		attrset(A_NORMAL);
	}
	for (size_t i = 0; i < room->shown_count && y < area->bottom; i++, y++) {
		char clock[8];
		local_clock(room->shown[i]->time, clock);
		attrset(pair_attr(LIVE_PAIR_DIM));
		put_text(y, area->x, clock, area->width);
		attrset(A_NORMAL);
		if (names)
			put_text(y, area->x + 7, room->shown[i]->name ? room->shown[i]->name : "",
				 area->width - 7);
	}
}

static void draw_centred(int y, const char *text, attr_t attr)
{
	char *clean = text_sanitize(text);
	int width = clean ? (int)text_width(clean) : 0;
	int x = COLS > width ? (COLS - width) / 2 : 0;
	attrset(attr);
	if (clean)
		draw_text(y, x, clean, (size_t)COLS);
	attrset(A_NORMAL);
	free(clean);
}

/* An empty room tells the mentor how participants get into it. */
static void draw_waiting(const struct room *room)
{
	char waiting[512], join[512];
	if (room->quiz_id)
		/* TRANSLATORS: %1$s is a quiz id, %2$s a folder. */
		snprintf(waiting, sizeof(waiting), _("Waiting for results of %1$s in %2$s"),
			 room->quiz_id, room->dir);
	else
		/* TRANSLATORS: %s is a folder. */
		snprintf(waiting, sizeof(waiting), _("Waiting for results in %s"), room->dir);
	snprintf(join, sizeof(join), "careerfit --room %s", room->dir);
	int y = LINES / 2 - 3;
	draw_centred(y, waiting, A_BOLD);
	/* TRANSLATORS: a command follows on the next line. */
	draw_centred(y + 2, _("Participants join with"), A_NORMAL);
	draw_centred(y + 3, join, A_BOLD | pair_attr(LIVE_PAIR_HEADING));
	draw_centred(y + 5, _("Their results appear here as they finish."),
		     pair_attr(LIVE_PAIR_DIM));
	if (room->joined) {
		char joined[192];
		joined_line(room->joined, 0, joined, sizeof(joined));
		draw_centred(y + 7, joined, A_BOLD);
	}
}

/* The bottom line: the keys, and what was left out of the count. */
static void draw_footer(const struct room *room)
{
	char notes[256];
	char other[128] = "", skipped[128] = "";
	if (room->other_quiz)
		snprintf(other, sizeof(other),
			 P_("%zu result of other quizzes", "%zu results of other quizzes",
			    room->other_quiz),
			 room->other_quiz);
	if (room->skipped)
		snprintf(skipped, sizeof(skipped),
			 P_("%zu file skipped", "%zu files skipped", room->skipped), room->skipped);
	/* Notes apart, three spaces between them. */
	snprintf(notes, sizeof(notes), "%s%s%s%s%s",
		 room->unreadable ? _("cannot read the folder") : "",
		 room->unreadable && (*other || *skipped) ? "   " : "", other,
		 *other && *skipped ? "   " : "", skipped);
	for (size_t end = strlen(notes); end > 0 && notes[end - 1] == ' '; end--)
		notes[end - 1] = '\0';
	attrset(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	int width = (int)text_width(notes);
	int right = COLS - 1 - width > 12 ? COLS - 1 - width : 12;
	char hints[256];
	/* TRANSLATORS: the live room's key hints; %1$s and %2$s are the
	 * Left and Right arrows. The keys q, p, n and v stay as they are. */
	snprintf(hints, sizeof(hints), _("q quit  %1$s/%2$s p/n questions  v names"),
		 glyphs_get()->left, glyphs_get()->right);
	put_text(LINES - 1, 1, hints, right - 2);
	attrset(A_REVERSE | A_BOLD);
	put_text(LINES - 1, right, notes, COLS - right - 1);
	attrset(A_NORMAL);
}

/* ---- a question: what the room picked ---- */

/* TEXT from a file, sanitised and wrapped to WIDTH columns into LINES;
 * false (LINES empty) when memory runs out. */
static bool wrap_clean(const char *text, int width, struct text_lines *lines)
{
	*lines = (struct text_lines){0};
	char *clean = text_sanitize(text ? text : "");
	bool ok = clean && text_wrap(clean, width > 1 ? (size_t)width : 1, lines);
	free(clean);
	return ok;
}

/* Draws LINES from row Y at column X, leaving out rows from BOTTOM on;
 * returns the rows they take, drawn or not (at least one). */
static int draw_lines(const struct text_lines *lines, int y, int x, int width, int bottom)
{
	for (size_t i = 0; i < lines->count && y + (int)i < bottom; i++)
		draw_text(y + (int)i, x, lines->lines[i], (size_t)width);
	return lines->count ? (int)lines->count : 1;
}

/* "Product Manager +2, Product Owner +1": the roles OPTION signals, by
 * name, or by id as `careerfit report` lists them under "What the room
 * picked" (BY_ID, for a line too narrow for the names). */
static void signals_text(const struct report_group *group, const struct report_option *option,
			 bool by_id, char *line, size_t size)
{
	const struct result_record *first = report_first(group);
	size_t used = 0;
	line[0] = '\0';
	for (size_t r = 0; r < first->role_count && used < size; r++)
		if (option->scores[r] != 0)
			used += (size_t)snprintf(line + used, size - used, "%s%s %+g",
						 used ? ", " : "",
						 by_id ? first->roles[r].id : first->roles[r].name,
						 option->scores[r]);
	if (!used)
		snprintf(line, size, "%s", _("no role"));
}

/* The bar takes the colour of the role the option signals most. */
static attr_t option_color(const struct report_group *group, const struct report_option *option)
{
	size_t strongest = 0;
	for (size_t r = 1; r < report_first(group)->role_count; r++)
		if (option->scores[r] > option->scores[strongest])
			strongest = r;
	if (option->scores[strongest] <= 0)
		return pair_attr(LIVE_PAIR_DIM);
	return pair_attr(LIVE_PAIR_ROLE + (int)(strongest % ROLE_COLOR_COUNT));
}

/* How a question's options are laid out in AREA: the text indented past
 * "a) ", then a bar BAR_WIDTH wide and the signals in SIGNALS columns,
 * by role id when the names of one option would not fit. */
struct option_layout {
	const struct report_question *question;
	const struct area *area;
	int bar_width, signals;
	bool by_id;
};

static struct option_layout option_layout(const struct report_group *group,
					  const struct report_question *question,
					  const struct area *area)
{
	struct option_layout layout = {.question = question, .area = area};
	layout.bar_width = area->width / 3 > 12 ? area->width / 3 : 12;
	layout.signals = area->width - layout.bar_width - 3;
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS && !layout.by_id; o++) {
		if (!question->options[o].count)
			continue;
		char signals[512];
		signals_text(group, &question->options[o], false, signals, sizeof(signals));
		char *clean = text_sanitize(signals);
		layout.by_id = !clean || text_width(clean) > (size_t)layout.signals;
		free(clean);
	}
	return layout;
}

/* "a) " and the option's text, then a bar of how many picked it and
 * the roles it signals; returns the row after it. */
static int draw_option(const struct report_group *group, size_t o, const struct text_lines *text,
		       const struct option_layout *layout, int y)
{
	const struct report_option *option = &layout->question->options[o];
	const struct area *area = layout->area;
	char label[4] = {(char)('a' + o), ')', '\0'};
	attrset(A_BOLD);
	put_text(y, area->x, label, 2);
	attrset(A_NORMAL);
	y += draw_lines(text, y, area->x + 3, area->width - 3, area->bottom);
	if (y >= area->bottom)
		return y + 1;
	struct area line = {area->x + 2, y, layout->bar_width, area->bottom};
	struct bar bar = {
		.label = "",
		.count = option->count,
		.total = group->record_count,
		.color = option_color(group, option),
		.count_width = digits(group->record_count),
		.thickness = 1,
	};
	draw_bar(&line, y, &bar);
	char signals[512];
	signals_text(group, option, layout->by_id, signals, sizeof(signals));
	attrset(pair_attr(LIVE_PAIR_DIM));
	put_text(y, line.x + line.width + 3, signals, layout->signals);
	attrset(A_NORMAL);
	return y + 1;
}

/* The options someone picked, in file order (an option nobody picked has
 * no text in any result), with a blank row between them when they fit. */
static void draw_options(const struct report_group *group, const struct report_question *question,
			 const struct area *area, int y)
{
	struct option_layout layout = option_layout(group, question, area);
	struct text_lines texts[QUIZ_MAX_OPTIONS];
	int rows = 0, picked = 0;
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++) {
		texts[o] = (struct text_lines){0};
		if (!question->options[o].count)
			continue;
		wrap_clean(question->options[o].text, area->width - 3, &texts[o]);
		rows += (texts[o].count ? (int)texts[o].count : 1) + 1;
		picked++;
	}
	int gap = y + rows + picked + (question->skipped > 0) <= area->bottom;
	for (size_t o = 0; o < QUIZ_MAX_OPTIONS; o++) {
		if (question->options[o].count)
			y = draw_option(group, o, &texts[o], &layout, y) + gap;
		text_lines_clear(&texts[o]);
	}
	if (question->skipped && y < area->bottom) {
		char skipped[64];
		snprintf(skipped, sizeof(skipped), "%s %zu", _("skipped:"), question->skipped);
		attrset(pair_attr(LIVE_PAIR_DIM));
		put_text(y, area->x, skipped, area->width);
		attrset(A_NORMAL);
	}
}

/* Question Q of GROUP: its prompt, and what the room picked. */
static void draw_question(const struct report_group *group, size_t q)
{
	const struct report_question *question = &group->questions[q];
	struct area body = {.x = 2, .y = 2, .width = COLS - 4, .bottom = LINES - 1};
	char heading[256], answered[64];
	size_t count = group->record_count - question->skipped;
	snprintf(answered, sizeof(answered), P_("%zu answered", "%zu answered", count), count);
	int used = snprintf(heading, sizeof(heading), _("Question %zu of %zu"), q + 1,
			    group->question_count);
	if (used > 0 && (size_t)used < sizeof(heading))
		snprintf(heading + used, sizeof(heading) - (size_t)used, "   %s", answered);
	draw_heading(body.y, body.x, heading, body.width);
	struct text_lines prompt;
	wrap_clean(question->prompt, body.width, &prompt);
	attrset(A_BOLD);
	int y = body.y + 2 + draw_lines(&prompt, body.y + 2, body.x, body.width, body.bottom);
	attrset(A_NORMAL);
	text_lines_clear(&prompt);
	draw_options(group, question, &body, y + 1);
}

static void draw_summary(const struct room *room, const struct room_view *view)
{
	struct area body = {.x = 2, .y = 2, .width = COLS - 4, .bottom = LINES - 1};
	if (COLS >= WIDE_COLUMNS) {
		/* The arrivals get a third of the width, on the right. */
		struct area side = body;
		side.width = COLS / 3 - 2;
		side.x = COLS - side.width - 2;
		body.width = side.x - body.x - 4;
		draw_stats(room, &body, choose_layout(room, &body, 0));
		draw_arrivals(room, &side, view->names);
		return;
	}
	int arrivals = room->shown_count < 3 ? (int)room->shown_count : 3;
	struct layout layout = choose_layout(room, &body, arrivals + 2 + !view->names);
	draw_stats(room, &body, layout);
	body.y += stats_rows(room, layout) + 1;
	draw_arrivals(room, &body, view->names);
}

static void draw_room(const struct room *room, const struct room_view *view)
{
	const char *title = room->shown_count ? room->shown[0]->quiz_title : "careerfit";
	draw_header(title, _("Live room"));
	draw_footer(room);
	if (!room->shown_count)
		draw_waiting(room);
	else if (view->question && room->questions)
		draw_question(room->questions, view->question - 1);
	else
		draw_summary(room, view);
}

/* ---- the terminal ---- */

static const struct term_setup curses_setup = {
	.timeout = 0, /* the loop waits in poll(), on the keys and the folder */
	.mouse = 0,
	.init_colors = init_colors,
};

static bool start_curses(bool color)
{
	if (term_start_curses(&curses_setup, color))
		return true;
	fputs("careerfit: ", stderr);
	fprintf(stderr, _("cannot use this terminal (TERM=%s)"),
		getenv("TERM") ? getenv("TERM") : "");
	fputc('\n', stderr);
	return false;
}

static void draw(const struct room *room, const struct room_view *view)
{
	erase();
	if (term_too_small())
		draw_too_small(false);
	else
		draw_room(room, view);
	refresh();
}

static double now(void)
{
	struct timespec time;
	clock_gettime(CLOCK_MONOTONIC, &time);
	return (double)time.tv_sec + (double)time.tv_nsec / 1e9;
}

/* ---- watching the folder ---- */

/* What a scan has to read again: the results, the marks of who joined. */
enum { DUE_RESULTS = 1, DUE_JOINED = 2, DUE_ALL = 3 };

#define WATCH_EVENTS (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM)
/* Without inotify the room polls; with it, a full scan still runs now and
 * then, for a folder that was removed and made again (its watch is gone)
 * or a change inotify cannot see (a network file system). */
#define POLL_SECONDS 1.0
#define WATCHED_SCAN_SECONDS 5.0

struct watch {
	int fd;	    /* inotify, or -1 when inotify_init1() failed: poll */
	int folder; /* watch descriptors, -1 while not watched */
	int joined;
};

/* Watches DIR and DIR/.joined where they are not watched yet; .joined is
 * made when the first participant joins, and is watched from then on. */
static void watch_add(struct watch *watch, const char *dir)
{
	if (watch->fd < 0)
		return;
	if (watch->folder < 0)
		watch->folder = inotify_add_watch(watch->fd, dir, WATCH_EVENTS | IN_ONLYDIR);
	char *path = watch->joined < 0 ? joined_path(dir) : NULL;
	if (path)
		watch->joined = inotify_add_watch(watch->fd, path, WATCH_EVENTS | IN_ONLYDIR);
	free(path);
}

static struct watch watch_open(const char *dir)
{
	struct watch watch = {inotify_init1(IN_NONBLOCK | IN_CLOEXEC), -1, -1};
	watch_add(&watch, dir);
	return watch;
}

static void watch_close(struct watch *watch)
{
	if (watch->fd >= 0)
		close(watch->fd);
}

/* .joined itself came or went: a watch on a folder moved away would
 * follow it, so it is dropped and taken again on the new one. */
static int joined_folder_event(struct watch *watch, const struct inotify_event *event,
			       const char *dir)
{
	if ((event->mask & (IN_DELETE | IN_MOVED_FROM)) && watch->joined >= 0) {
		inotify_rm_watch(watch->fd, watch->joined);
		watch->joined = -1;
	}
	watch_add(watch, dir);
	return DUE_JOINED;
}

/* What one event makes due. Hidden files in the folder are careerfit's
 * temporary files (a result is linked in under its own name once it is
 * whole), which no scan lists. */
static int event_due(struct watch *watch, const struct inotify_event *event, const char *dir)
{
	if (event->mask & IN_Q_OVERFLOW)
		return DUE_ALL;
	if (event->wd == watch->joined) {
		if (event->mask & IN_IGNORED)
			watch->joined = -1;
		return DUE_JOINED;
	}
	if (event->wd != watch->folder)
		return 0;
	if (event->mask & IN_IGNORED) {
		watch->folder = -1;
		return DUE_ALL;
	}
	const char *name = event->len ? event->name : "";
	if (strcmp(name, RESULTS_JOINED_FOLDER) == 0)
		return joined_folder_event(watch, event, dir);
	return name[0] == '.' ? 0 : DUE_RESULTS;
}

/* Reads every queued event: a burst of results is one scan. */
static int watch_drain(struct watch *watch, const char *dir)
{
	char buffer[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	int due = 0;
	ssize_t length;
	while ((length = read(watch->fd, buffer, sizeof(buffer))) > 0) {
		for (char *p = buffer; p < buffer + length;) {
			const struct inotify_event *event = (const struct inotify_event *)(void *)p;
			due |= event_due(watch, event, dir);
			p += sizeof(*event) + event->len;
		}
	}
	return due;
}

/* Sleeps until a key, an event in the folder, a signal or TIMEOUT
 * milliseconds; returns what the events made due. */
static int wait_input(struct watch *watch, const char *dir, int timeout)
{
	struct pollfd fds[2] = {
		{.fd = STDIN_FILENO, .events = POLLIN},
		{.fd = watch->fd, .events = POLLIN},
	};
	if (poll(fds, watch->fd >= 0 ? 2 : 1, timeout) > 0 && (fds[1].revents & POLLIN))
		return watch_drain(watch, dir);
	return 0;
}

/* ---- the loop ---- */

/* Reads what DUE says; true when the picture changed. */
static bool refresh_room(struct room *room, int due)
{
	bool changed = false;
	if (due & DUE_RESULTS) {
		bool was_unreadable = room->unreadable;
		room_scan(room);
		changed = room->unreadable != was_unreadable;
		if (room->changed) {
			/* Out of memory, the tally is tried again at the next scan. */
			room->changed = !room_tally(room);
			changed = true;
			due |= DUE_JOINED; /* the shown quiz may be another */
		}
	}
	if (due & DUE_JOINED) {
		size_t joined = count_joined(room->dir, room->shown_quiz);
		changed |= joined != room->joined;
		room->joined = joined;
	}
	return changed;
}

/* Turns KEY into a change of VIEW; false for a key that quits. */
static bool room_view_key(struct room_view *view, const struct room *room, int key)
{
	size_t last = room->questions ? room->questions->question_count : 0;
	switch (key) {
	case 'q':
	case 'Q':
	case 27: /* Esc */
		return false;
	case KEY_RIGHT:
	case 'n':
		view->question += view->question < last;
		break;
	case KEY_LEFT:
	case 'p':
		view->question -= view->question > 0;
		break;
	case 'v':
	case 'V':
		view->names = !view->names;
		break;
	}
	return true;
}

/* Handles the keys typed so far: -1 to quit, else how many there were.
 * ncurses' own buffer is empty afterwards, so poll() on the terminal
 * then misses no key. */
static int read_keys(struct room_view *view, const struct room *room)
{
	int count = 0, key;
	while ((key = getch()) != ERR) {
		if (!room_view_key(view, room, key))
			return -1;
		count++;
	}
	return count;
}

/* A question of a quiz version no longer shown becomes its last one. */
static void room_view_clamp(struct room_view *view, const struct room *room)
{
	size_t last = room->questions ? room->questions->question_count : 0;
	if (view->question > last)
		view->question = last;
}

/* Due: everything once INTERVAL has passed since *LAST_SCAN. */
static int scan_due(struct watch *watch, const char *dir, double *last_scan, double interval)
{
	if (now() - *last_scan < interval)
		return 0;
	*last_scan = now();
	watch_add(watch, dir);
	return DUE_ALL;
}

/* Until the next full scan, but a quarter second at most: a signal or a
 * resize that lands just before poll() is seen that late. */
static int wait_ms(double last_scan, double interval)
{
	double left = last_scan + interval - now();
	return left <= 0 ? 0 : left >= 0.25 ? 250 : (int)(left * 1000) + 1;
}

/* Runs until q, Esc or a signal; returns the signal, or 0. */
static int run_loop(struct room *room)
{
	struct watch watch = watch_open(room->dir);
	struct room_view view = {0};
	double interval = watch.fd >= 0 ? WATCHED_SCAN_SECONDS : POLL_SECONDS, last_scan = now();
	int due = DUE_ALL, ending = 0;
	bool dirty = true, keys_taken = false;
	while (!(ending = term_caught_signal())) {
		due |= scan_due(&watch, room->dir, &last_scan, interval);
		dirty |= refresh_room(room, due);
		room_view_clamp(&view, room);
		if (dirty)
			draw(room, &view);
		/* Once the screen is back from term_start_curses()'s endwin(). */
		if (!keys_taken)
			term_take_keys(&curses_setup);
		keys_taken = true;
		int keys = read_keys(&view, room);
		if (keys < 0)
			break;
		dirty = keys > 0;
		due = 0;
		if (!dirty && term_gone()) {
			ending = SIGHUP;
			break;
		}
		if (!dirty)
			due = wait_input(&watch, room->dir, wait_ms(last_scan, interval));
	}
	watch_close(&watch);
	return ending;
}

/* ---- the command line ---- */

__attribute__((format(printf, 1, 2))) static int usage_error(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vcomplain(format, args);
	va_end(args);
	fputs(_("Try 'careerfit room --help' for more information.\n"), stderr);
	return EXIT_ROOM_USAGE;
}

static void usage(FILE *out)
{
	/* TRANSLATORS: 'careerfit room --help'. Keep the options, the keys
	 * and the words in capitals (DIR, ID) as they are, the lines within
	 * 80 columns and the options' descriptions lined up. */
	fputs(_("Usage: careerfit room DIR [--quiz ID] [--no-color]\n"
		"Shows a workshop room live, full screen, for a projector: the results\n"
		"participants save in DIR (careerfit --room DIR, or --save DIR) appear as\n"
		"they arrive, with how many had each role on top, how sure the results\n"
		"are, and who arrived last (names hidden until v is pressed). Right or n\n"
		"and Left or p step through the questions, each with what the room picked.\n"
		"q or Esc quits.\n"
		"\n"
		"  --quiz ID      show the results of quiz ID (by default the quiz with\n"
		"                 the most results in DIR)\n"
		"  --no-color     no colours (also when NO_COLOR is set)\n"
		"  -h, --help     show this help and exit\n"),
	      out);
}

struct room_options {
	const char *dir;
	const char *quiz_id;
	bool color;
};

/* Returns -1 when the options are good, or the exit code to leave with. */
static int parse_options(int argc, char **argv, struct room_options *options)
{
	enum { OPT_QUIZ = 256, OPT_NO_COLOR };
	static const struct option long_options[] = {
		{"quiz", required_argument, NULL, OPT_QUIZ},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	const char *no_color = getenv("NO_COLOR");
	*options = (struct room_options){.color = !(no_color && *no_color)};
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "h", long_options, NULL)) != -1) {
		if (c == OPT_QUIZ && *optarg)
			options->quiz_id = optarg;
		else if (c == OPT_QUIZ)
			return usage_error("%s", _("room: --quiz needs a quiz id"));
		else if (c == OPT_NO_COLOR)
			options->color = false;
		else if (c == 'h')
			return usage(stdout), EXIT_SUCCESS;
		else if (optopt == OPT_QUIZ)
			return usage_error("%s", _("room: --quiz needs a quiz id"));
		else
			return usage_error(_("room: unknown option '%s'"), argv[optind - 1]);
	}
	if (optind == argc || !*argv[optind])
		return usage_error("%s", _("room needs the folder the results are saved in"));
	if (argc - optind > 1)
		return usage_error(_("room shows one folder, but '%s' is one more"),
				   argv[optind + 1]);
	options->dir = argv[optind];
	return -1;
}

/* A missing folder is most likely a typo: say so before the screen opens
 * rather than wait for results that never come. */
static bool check_folder(const char *dir)
{
	struct stat info;
	if (stat(dir, &info) != 0) {
		/* TRANSLATORS: %1$s is a folder, %2$s why it cannot be opened. */
		complain(_("cannot open the folder %1$s: %2$s"), dir, strerror(errno));
		return false;
	}
	if (!S_ISDIR(info.st_mode)) {
		complain(_("%s is not a folder"), dir);
		return false;
	}
	if (access(dir, R_OK | X_OK) != 0) {
		/* TRANSLATORS: %1$s is a folder, %2$s why it cannot be read. */
		complain(_("cannot read the folder %1$s: %2$s"), dir, strerror(errno));
		return false;
	}
	return true;
}

/* Full screen or nothing: a text report of the same folder is
 * `careerfit report`. */
static bool check_terminal(void)
{
	if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
		return true;
	complain("%s", _("the live room needs a terminal; 'careerfit report DIR' prints the "
			 "same in text"));
	return false;
}

/* Leaves as the signal would have: the shell sees why. */
static int die_of(int signal_number)
{
	/* TRANSLATORS: %1$d is a signal's number, %2$s its name. */
	complain(_("room stopped by signal %1$d (%2$s)"), signal_number, strsignal(signal_number));
	signal(signal_number, SIG_DFL);
	raise(signal_number);
	return 128 + signal_number;
}

int live_main(int argc, char **argv)
{
	struct room_options options;
	int status = parse_options(argc, argv, &options);
	if (status >= 0)
		return status;
	if (!check_folder(options.dir) || !check_terminal())
		return EXIT_ROOM_FAILED;
	struct sigaction saved[TERM_SIGNAL_COUNT];
	term_catch_signals(saved);
	if (!start_curses(options.color)) {
		term_restore_signals(saved);
		return EXIT_ROOM_FAILED;
	}
	struct room room = {
		.dir = options.dir,
		.quiz_id = options.quiz_id,
		.picked = {.borrows_records = true}, /* the records are the room's */
	};
	int signal_number = run_loop(&room);
	endwin();
	room_clear(&room);
	term_restore_signals(saved);
	return signal_number ? die_of(signal_number) : EXIT_SUCCESS;
}
