#pragma once
// Applies the steps of a guided lesson (core/explore/guided_lesson.h) to an ExplorerSession: opens the step's
// model, reads its text, selects its unit and quantity, replaces the interventions, moves the cursor and asks for
// its view. A step is applied from its effective state (GuidedLesson::stateAt), so Back shows exactly what the
// previous step showed.
//
// The whole text is read again whenever the text or the interventions change, so an intervention acts on every
// step of it (ExplorerSession alone would only re-run the steps from the cursor on). The model is only reopened when
// it is not the one already open, or when the step says "reload". GUI thread only.
#include "explore/guided_lesson.h"

#include <QObject>
#include <QString>

#include <functional>

namespace lstm {

class ExplorerSession;

class LessonRunner : public QObject {
  Q_OBJECT
public:
  // Opens a model into the session; false with "<path>: <problem>" in `error` when it cannot.
  using Opener = std::function<bool(const QString &path, QString *error)>;

  explicit LessonRunner(ExplorerSession *session, QObject *parent = nullptr);

  // Replaces how models are opened (the main window primes them and handles series); empty: session->openModel.
  void setOpener(Opener opener);
  // Takes a lesson; `source` (its file) prefixes every problem. No step is applied yet (currentStep() == −1).
  void setLesson(GuidedLesson lesson, const QString &source);
  void clearLesson();
  bool hasLesson() const { return !m_lesson.steps.empty(); }
  const GuidedLesson &lesson() const { return m_lesson; }
  QString source() const { return m_source; }
  int stepCount() const { return int(m_lesson.steps.size()); }
  int currentStep() const { return m_current; } // −1 before the first step is applied
  const LessonStep *step() const;               // the current step; nullptr before the first

  // Applies step `index` (0-based). It becomes the current step even when applying it fails; then `error` is
  // "<source>: <problem>" and what could be applied has been. False without a lesson or outside 0…n−1 too.
  bool goTo(int index, QString *error);
  bool next(QString *error); // goTo(current + 1)
  bool back(QString *error); // goTo(current − 1)

Q_SIGNALS:
  void stepApplied(int index, const QString &error); // error empty when the step applied cleanly
  void viewRequested(const QString &dockObjectName);

private:
  bool apply(const LessonState &state, int index, QString *problem);
  bool readText(const LessonState &state, QString *problem);
  void replaceInterventions(const std::vector<Intervention> &interventions);

  ExplorerSession *m_session;
  Opener m_opener;
  GuidedLesson m_lesson;
  QString m_source;
  int m_current = -1;
};

} // namespace lstm
