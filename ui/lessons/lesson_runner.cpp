#include "lesson_runner.h"

#include "common/problem_text.h"
#include "explorer/explorer_session.h"
#include "explorer/read_tape.h"

namespace lstm {

LessonRunner::LessonRunner(ExplorerSession *session, QObject *parent) : QObject(parent), m_session(session) {}

void LessonRunner::setOpener(Opener opener) { m_opener = std::move(opener); }

void LessonRunner::setLesson(GuidedLesson lesson, const QString &source) {
  m_lesson = std::move(lesson);
  m_source = source;
  m_current = -1;
}

void LessonRunner::clearLesson() { setLesson(GuidedLesson{}, QString()); }

const LessonStep *LessonRunner::step() const {
  return m_current >= 0 && m_current < stepCount() ? &m_lesson.steps[std::size_t(m_current)] : nullptr;
}

bool LessonRunner::goTo(int index, QString *error) {
  if (!hasLesson() || index < 0 || index >= stepCount())
    return false;
  m_current = index;
  QString problem;
  const LessonState state = m_lesson.stateAt(index);
  const bool ok = apply(state, index, &problem);
  const QString message = ok ? QString() : m_source + QStringLiteral(": ") + problem;
  if (error)
    *error = message;
  // The view is asked for even after a problem: the step's text still talks about it.
  if (!state.view.isEmpty())
    Q_EMIT viewRequested(state.view);
  Q_EMIT stepApplied(index, message);
  return ok;
}

bool LessonRunner::next(QString *error) { return goTo(m_current + 1, error); }

bool LessonRunner::back(QString *error) { return goTo(m_current - 1, error); }

bool LessonRunner::apply(const LessonState &state, int index, QString *problem) {
  if (!state.model.isEmpty() && (state.reload || !m_session->hasModel() || m_session->modelSource() != state.model)) {
    QString error;
    const bool opened = m_opener ? m_opener(state.model, &error) : m_session->openModel(state.model, &error);
    if (!opened) {
      *problem = tr("steps[%1].model: %2").arg(state.modelFrom).arg(error.isEmpty() ? state.model : error);
      return false;
    }
  }
  if (!m_session->hasModel()) {
    *problem = tr("steps[%1]: no model is open and no step so far names one").arg(index);
    return false;
  }
  if (Problem misfit; !checkAgainst(state, index, m_session->model().config, -1, &misfit)) {
    *problem = problemText(misfit);
    return false;
  }
  if (!readText(state, problem))
    return false;
  if (state.unit >= 0)
    m_session->selectUnit(state.layer, state.unit);
  else if (state.layer >= 0)
    m_session->selectLayer(state.layer);
  if (state.quantity)
    m_session->selectQuantity(*state.quantity);
  if (Problem misfit; !checkAgainst(state, index, m_session->model().config, m_session->steps(), &misfit)) {
    *problem = problemText(misfit);
    return false;
  }
  m_session->setCursor(state.cursor >= 0 ? state.cursor : m_session->steps() - 1);
  return true;
}

bool LessonRunner::readText(const LessonState &state, QString *problem) {
  // Every recorded step must have been computed with this step's interventions, so the whole text is read again
  // whenever they (or the text) differ from what the session holds.
  const bool sameInterventions = m_session->interventions() == state.interventions;
  if (state.read) {
    const int wanted = state.readSteps >= 0 ? state.readSteps : int(state.read->toStdU32String().size());
    if (sameInterventions && m_session->mode() == DriveMode::Read && m_session->tapeText() == *state.read &&
        m_session->steps() == wanted)
      return true;
    QString error;
    if (!m_session->setText(*state.read, &error)) {
      *problem = QStringLiteral("steps[%1].read: %2").arg(state.readFrom).arg(error);
      return false;
    }
    replaceInterventions(state.interventions);
    readTape(*m_session, wanted);
    return true;
  }
  if (sameInterventions)
    return true;
  // No text of the lesson's own (a series, or the user's text): read again what the session has read.
  const int steps = m_session->steps();
  m_session->reset();
  replaceInterventions(state.interventions);
  readTape(*m_session, steps);
  return true;
}

void LessonRunner::replaceInterventions(const std::vector<Intervention> &interventions) {
  if (m_session->interventions() == interventions)
    return;
  m_session->clearInterventions();
  for (const Intervention &intervention : interventions) {
    QString ignored; // checkAgainst has ruled out every reason to refuse
    m_session->addIntervention(intervention, &ignored);
  }
}

} // namespace lstm
