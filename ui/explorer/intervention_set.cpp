#include "intervention_set.h"

#include "explore/stepper.h"

#include <QCoreApplication>

#include <algorithm>

// The sentences use the session's translation context, where their translations have always been.

namespace lstm {

const std::vector<Intervention> &InterventionSet::active() const {
  static const std::vector<Intervention> none;
  return m_stepper ? m_stepper->interventions() : none;
}

bool InterventionSet::add(const Intervention &intervention, QString *error) {
  if (!m_stepper) {
    *error = QCoreApplication::translate("lstm::ExplorerSession", "No model is open.");
    return false;
  }
  const auto &current = m_stepper->interventions();
  if (std::find(current.begin(), current.end(), intervention) != current.end()) {
    *error = QCoreApplication::translate("lstm::ExplorerSession", "This intervention is already active.");
    return false;
  }
  if (!m_stepper->addIntervention(intervention)) {
    *error = QCoreApplication::translate("lstm::ExplorerSession", "Layer %1, unit %2 does not exist in this model.")
                 .arg(intervention.layer)
                 .arg(intervention.unit);
    return false;
  }
  return true;
}

bool InterventionSet::remove(int index) {
  if (!m_stepper || index < 0 || index >= int(m_stepper->interventions().size()))
    return false;
  m_stepper->removeIntervention(index);
  return true;
}

bool InterventionSet::clear() {
  if (!m_stepper || m_stepper->interventions().empty())
    return false;
  m_stepper->clearInterventions();
  return true;
}

void InterventionSet::rerunFrom(int first, const std::function<void(int step)> &readStep,
                                const std::function<bool()> &stepOnce) {
  const int end = m_stepper->position();
  while (m_stepper->position() > first)
    m_stepper->back();
  readStep(first);
  while (m_stepper->position() < end && stepOnce()) {
  }
}

bool InterventionSet::differsFromRecorded() const {
  if (!m_stepper)
    return false;
  const std::vector<Intervention> &current = m_stepper->interventions();
  for (int s = 0; s < m_stepper->position(); ++s)
    if (!std::ranges::equal(m_stepper->trace().interventions(s), current))
      return true;
  return false;
}

InterventionSet::History InterventionSet::history() const {
  const int steps = m_stepper ? m_stepper->position() : 0;
  History atStep(static_cast<std::size_t>(steps));
  for (int s = 0; s < steps; ++s) {
    const auto active = m_stepper->trace().interventions(s);
    atStep[std::size_t(s)].assign(active.begin(), active.end());
  }
  return atStep;
}

void InterventionSet::replay(const History &history, int count, const std::vector<Intervention> &current,
                             const std::function<void(int step)> &readStep) {
  for (int s = 0; s < count; ++s) {
    activate(history[std::size_t(s)]);
    readStep(s);
  }
  activate(current);
}

void InterventionSet::activate(const std::vector<Intervention> &wanted) {
  if (m_stepper->interventions() == wanted)
    return;
  m_stepper->clearInterventions();
  for (const Intervention &intervention : wanted)
    m_stepper->addIntervention(intervention);
}

} // namespace lstm
