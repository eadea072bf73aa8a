#include "interventions_panel.h"

#include "explorer_session.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

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
  m_kind->addItem(tr("Clamp input gate i"));
  m_kind->addItem(tr("Clamp forget gate f"));
  m_kind->addItem(tr("Clamp candidate g"));
  m_kind->addItem(tr("Clamp output gate o"));
  m_kind->addItem(tr("Zero hidden state h"));
  m_kind->addItem(tr("Zero cell state c"));
  m_kind->addItem(tr("Set cell state c"));
  m_kind->addItem(tr("Add to cell state c"));
  m_kind->setCurrentIndex(1);
  m_value = new QDoubleSpinBox;
  m_value->setObjectName(QStringLiteral("interventionValueSpin"));
  m_value->setRange(-100.0, 100.0);
  m_value->setDecimals(3);
  m_value->setSingleStep(0.1);
  m_add = new QPushButton(tr("Apply to selected unit"));
  m_add->setObjectName(QStringLiteral("addInterventionButton"));
  m_list = new QListWidget;
  m_list->setObjectName(QStringLiteral("interventionList"));
  m_remove = new QPushButton(tr("Remove"));
  m_remove->setObjectName(QStringLiteral("removeInterventionButton"));
  m_clear = new QPushButton(tr("Remove all"));
  m_clear->setObjectName(QStringLiteral("clearInterventionsButton"));

  auto *form = new QFormLayout;
  form->addRow(tr("Change"), m_kind);
  form->addRow(tr("Value"), m_value);
  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_remove);
  buttons->addWidget(m_clear);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_add);
  auto *hint = new QLabel(tr("Active from the inspected step on; the steps after it are recomputed."));
  hint->setWordWrap(true);
  layout->addWidget(hint);
  layout->addWidget(m_list, 1);
  layout->addLayout(buttons);

  connect(m_kind, &QComboBox::currentIndexChanged, this, &InterventionsPanel::syncControls);
  connect(m_add, &QPushButton::clicked, this, &InterventionsPanel::addFromControls);
  connect(m_remove, &QPushButton::clicked, this, [this] {
    if (m_list->currentRow() >= 0)
      m_session->removeIntervention(m_list->currentRow());
  });
  connect(m_clear, &QPushButton::clicked, session, &ExplorerSession::clearInterventions);
  connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
  connect(session, &ExplorerSession::interventionsChanged, this, &InterventionsPanel::syncList);
  connect(session, &ExplorerSession::modelChanged, this, &InterventionsPanel::syncList);
  syncList();
  syncControls();
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
    Q_EMIT m_session->message(error);
    return false;
  }
  return true;
}

void InterventionsPanel::syncList() {
  m_list->clear();
  for (const Intervention &intervention : m_session->interventions())
    m_list->addItem(QString::fromStdString(intervention.describe()));
  m_remove->setEnabled(false);
  m_clear->setEnabled(m_list->count() > 0);
  m_add->setEnabled(m_session->hasModel());
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
