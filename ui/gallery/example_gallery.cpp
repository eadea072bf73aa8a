#include "example_gallery.h"

#include "common/problem_text.h"
#include "explorer/explorer_session.h"
#include "explorer/read_tape.h"
#include "io/model_file.h"

#include <QCoreApplication>
#include <QDir>

namespace lstm {

QStringList examplePaths(const QString &directory) {
  const QDir dir(directory);
  if (!dir.exists())
    return {};
  QStringList paths;
  const QStringList names =
      dir.entryList({QStringLiteral("*.lstm")}, QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
  for (const QString &name : names)
    paths << dir.filePath(name);
  return paths;
}

QStringList builtInExamplePaths() { return examplePaths(QStringLiteral(":/models/examples")); }

std::vector<ExampleEntry> loadExamples(const QStringList &paths, QStringList *problems) {
  std::vector<ExampleEntry> entries;
  for (const QString &path : paths) {
    Problem problem;
    auto model = loadModel(path, &problem);
    if (!model) {
      if (problems)
        *problems << problemText(problem);
      continue;
    }
    auto lesson = ExampleLesson::of(*model, &problem);
    if (!lesson) {
      if (problems)
        *problems << problemText(problem.inFile(path));
      continue;
    }
    entries.push_back({path, std::make_shared<const Model>(std::move(*model)), std::move(*lesson)});
  }
  return entries;
}

bool openExample(ExplorerSession &session, const ExampleEntry &entry, QString *error) {
  QString ignored;
  QString &message = error ? *error : ignored;
  if (!entry.model) {
    message = QCoreApplication::translate("lstm::ExampleGallery", "%1: the example has no model.").arg(entry.path);
    return false;
  }
  const ExampleLesson &lesson = entry.lesson;
  const bool readsText = entry.model->config.usesTokens() && !lesson.primer.isEmpty();
  if (readsText) {
    // Try the primer on a scratch session first, so a bad example leaves the user's session as it was and the
    // refusal is worded exactly as the explorer words it everywhere else.
    ExplorerSession scratch;
    scratch.setModel(entry.model, entry.path);
    if (!scratch.setText(lesson.primer, &message))
      return false;
  }

  session.setModel(entry.model, entry.path);
  if (readsText) {
    if (!session.setText(lesson.primer, &message))
      return false;
    readTape(session);
  }
  if (lesson.hasUnit()) {
    session.selectLayer(lesson.layer);
    session.selectUnit(lesson.layer, lesson.unit);
    session.selectQuantity(lesson.quantity);
    // The unit trace should show the lesson's unit alone, not next to the default unit 0.
    const std::vector<int> traced = session.tracedUnits();
    for (int unit : traced)
      if (unit != lesson.unit)
        session.removeTracedUnit(unit);
  }
  session.setCursor(session.steps() - 1);
  return true;
}

} // namespace lstm
