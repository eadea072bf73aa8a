#include "interventions_panel.h"

#include "explorer_session.h"
#include "step_values.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <iterator>

namespace lstm {

namespace {
// What the kind combo offers; gates carry their Gate, the rest their kind.
struct KindChoice {
  InterventionKind kind;
  Gate gate;
  bool takesValue;
};
constexpr KindChoice kChoices[] = {
    {InterventionKind::ClampGate, Gate::Input, true},  {InterventionKind::ClampGate, Gate::Forget, true},
    {InterventionKind::ClampGate, Gate::Cell, true},   {InterventionKind::ClampGate, Gate::Output, true},
    {InterventionKind::ZeroHidden, Gate::Forget, false}, {InterventionKind::ZeroCell, Gate::Forget, false},
    {InterventionKind::SetCell, Gate::Forget, true},   {InterventionKind::AddCell, Gate::Forget, true},
};
} // namespace

InterventionsPanel::InterventionsPanel(ExplorerSession *session, QWidget *parent)
    : QWidget(parent), m_session(session) {
  setObjectName(QStringLiteral("interventionsPanel"));
  m_kind = new QComboBox;
  m_kind->setObjectName(QStringLiteral("interventionKindCombo"));
  for (std::size_t i = 0; i < std::size(kChoices); ++i)
    m_kind->addItem(QString());
  m_kind->setCurrentIndex(1);
  m_value = new QDoubleSpinBox;
  m_value->setObjectName(QStringLiteral("interventionValueSpin"));
  m_value->setRange(-100.0, 100.0);
  m_value->setDecimals(3);
  m_value->setSingleStep(0.1);
  m_add = new QPushButton;
  m_add->setObjectName(QStringLiteral("addInterventionButton"));
  m_list = new QListWidget;
  m_list->setObjectName(QStringLiteral("interventionList"));
  m_remove = new QPushButton;
  m_remove->setObjectName(QStringLiteral("removeInterventionButton"));
  m_clear = new QPushButton;
  m_clear->setObjectName(QStringLiteral("clearInterventionsButton"));
  m_reread = new QPushButton;
  m_reread->setObjectName(QStringLiteral("rereadWithInterventionsButton"));
  m_status = new QLabel;
  m_status->setObjectName(QStringLiteral("interventionStatusLabel"));
  m_status->setWordWrap(true);

  auto *form = new QFormLayout;
  m_kindLabel = new QLabel;
  m_valueLabel = new QLabel;
  form->addRow(m_kindLabel, m_kind);
  form->addRow(m_valueLabel, m_value);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_remove);
  buttons->addWidget(m_clear);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_add);
  m_hint = new QLabel;
  m_hint->setWordWrap(true);
  layout->addWidget(m_hint);
  layout->addWidget(m_status);
  layout->addWidget(m_reread);
  layout->addWidget(m_list, 1);
  layout->addLayout(buttons);

  connect(m_kind, &QComboBox::currentIndexChanged, this, &InterventionsPanel::syncControls);
  connect(m_add, &QPushButton::clicked, this, &InterventionsPanel::addFromControls);
  connect(m_remove, &QPushButton::clicked, this, &InterventionsPanel::removeSelected);
  connect(m_clear, &QPushButton::clicked, this, &InterventionsPanel::clearAll);
  connect(m_reread, &QPushButton::clicked, this, &InterventionsPanel::reread);
  connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
  connect(session, &ExplorerSession::interventionsChanged, this, &InterventionsPanel::syncList);
  connect(session, &ExplorerSession::modelChanged, this, [this] {
    m_status->clear();
    syncList();
  });
  connect(session, &ExplorerSession::traceChanged, this, &InterventionsPanel::syncReread);
  retranslateUi();
  syncList();
  syncControls();
}

void InterventionsPanel::retranslateUi() {
  const QString kinds[] = {tr("Clamp input gate i"), tr("Clamp forget gate f"), tr("Clamp candidate g"),
                           tr("Clamp output gate o"), tr("Zero hidden state h"), tr("Zero cell state c"),
                           tr("Set cell state c"),    tr("Add to cell state c")};
  static_assert(sizeof(kinds) / sizeof(kinds[0]) == std::size(kChoices));
  for (int i = 0; i < m_kind->count(); ++i)
    m_kind->setItemText(i, kinds[i]);
  m_add->setText(tr("Apply to selected unit"));
  m_remove->setText(tr("Remove"));
  m_clear->setText(tr("Remove all"));
  m_kindLabel->setText(tr("Change"));
  m_valueLabel->setText(tr("Value"));
  m_hint->setText(tr("Acts from the inspected step on, that step included; the views recompute at once."));
  m_reread->setToolTip(tr("Read every step again from the first character, all with the interventions listed below"));
  syncReread();
}

void InterventionsPanel::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange) {
    m_status->clear(); // a report of the last action, in the old language
    retranslateUi();
    syncList();
  }
  QWidget::changeEvent(event);
}

bool InterventionsPanel::addFromControls() {
  const KindChoice &choice = kChoices[std::max(0, m_kind->currentIndex())];
  Intervention intervention;
  intervention.kind = choice.kind;
  intervention.layer = m_session->selectedLayer();
  intervention.unit = m_session->selectedUnit();
  intervention.gate = choice.gate;
  intervention.value = choice.takesValue ? float(m_value->value()) : 0.0f;
  QString error;
  if (!m_session->addIntervention(intervention, &error)) {
    m_status->setText(error);
    Q_EMIT m_session->message(error);
    return false;
  }
  report(tr("Applied."));
  return true;
}

QString InterventionsPanel::statusText() const { return m_status->text(); }

void InterventionsPanel::removeSelected() {
  const int row = m_list->currentRow();
  if (row < 0)
    return; // the button is disabled without a selection
  m_session->removeIntervention(row);
  report(tr("Removed."));
}

void InterventionsPanel::clearAll() {
  if (m_session->interventions().empty())
    return; // the button is disabled then
  m_session->clearInterventions();
  report(tr("All removed."));
}

void InterventionsPanel::reread() {
  if (!m_session->rereadFromStart())
    return; // the session said why
  const QString text = m_session->interventions().empty()
                           ? tr("Steps 1–%1 were read again from the start, without interventions.")
                           : tr("Steps 1–%1 were read again from the start, all with the interventions listed.");
  m_status->setText(text.arg(m_session->steps()));
  Q_EMIT m_session->message(m_status->text());
}

// The session re-ran the steps from the cursor on (ExplorerSession::afterInterventionEdit): say so in its numbers,
// which count steps from 1 as every view does.
QString InterventionsPanel::whereItActed() const {
  const int steps = m_session->steps(), cursor = m_session->cursor();
  if (steps == 0 || cursor < 0)
    return tr("It acts from the first character you read or write.");
  if (cursor == steps - 1)
    return tr("Step %1, the last one, was recomputed, and the change acts from the next character you read or write on.")
        .arg(steps);
  return tr("Steps %1–%2 were recomputed.").arg(cursor + 1).arg(steps);
}

void InterventionsPanel::report(const QString &done) {
  m_status->setText(done + QLatin1Char(' ') + whereItActed());
  Q_EMIT m_session->message(m_status->text());
}

void InterventionsPanel::syncList() {
  m_list->clear();
  for (const Intervention &intervention : m_session->interventions())
    m_list->addItem(tr("layer %1, unit %2: %3")
                        .arg(intervention.layer)
                        .arg(intervention.unit)
                        .arg(describeIntervention(intervention)));
  m_remove->setEnabled(false);
  m_clear->setEnabled(m_list->count() > 0);
  m_add->setEnabled(m_session->hasModel());
  syncReread();
}

void InterventionsPanel::syncReread() {
  // Offered while some recorded step ran with other interventions: re-reading would change what is shown.
  m_reread->setText(m_session->interventions().empty() ? tr("Re-read the text from the start without interventions")
                                                       : tr("Re-read the text from the start with them"));
  m_reread->setVisible(m_session->interventionsDifferFromRecorded());
}

void InterventionsPanel::syncControls() {
  const KindChoice &choice = kChoices[std::max(0, m_kind->currentIndex())];
  m_value->setEnabled(choice.takesValue);
  if (choice.kind == InterventionKind::ClampGate)
    m_value->setRange(choice.gate == Gate::Cell ? -1.0 : 0.0, 1.0); // the gate's own range
  else
    m_value->setRange(-100.0, 100.0);
}

} // namespace lstm
