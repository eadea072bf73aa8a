#pragma once
// The example gallery's data: the shipped pre-trained models under ":/models/examples", each with the lesson it
// teaches (explore/example_lesson.h), and how opening one sets up the explorer. GUI thread only.
#include "explore/example_lesson.h"
#include "model/model.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace lstm {

class ExplorerSession;

// One loadable example: the file it came from, its model and its (already validated) lesson.
struct ExampleEntry {
  QString path;
  std::shared_ptr<const Model> model = {};
  ExampleLesson lesson = {};
};

// The *.lstm files directly inside `directory` (a folder or ":/…" resource folder), sorted by file name;
// empty when the folder is missing or empty.
QStringList examplePaths(const QString &directory);
// examplePaths(":/models/examples"): the examples shipped inside the application.
QStringList builtInExamplePaths();

// Loads every path in order. A file that fails to load or lacks a valid lesson is skipped and reported in
// `problems` (when given) as "<path>: <problem>"; nothing throws.
std::vector<ExampleEntry> loadExamples(const QStringList &paths, QStringList *problems);

// Opens `entry` in `session`: the model, then (token models) the primer read to its end in read mode, then the
// lesson's layer/unit/quantity selected and traced alone, the cursor on the last step. Series models get the
// model and the selection only. A primer the vocabulary cannot encode is refused before anything changes:
// false, the session keeps what it had, `error` gets the session's explanation.
bool openExample(ExplorerSession &session, const ExampleEntry &entry, QString *error);

} // namespace lstm
