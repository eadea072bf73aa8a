#include "selection_toolbar.h"

#include "common/quantity_style.h"
#include "explorer_session.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace lstm {

SelectionToolBar::SelectionToolBar(ExplorerSession *session, QWidget *parent)
    : QToolBar(tr("Selection"), parent), m_session(session) {
  setObjectName(QStringLiteral("selectionToolBar"));
  addWidget(new QLabel(tr(" Layer ")));
  m_layer = new QSpinBox;
  m_layer->setObjectName(QStringLiteral("layerSpin"));
  addWidget(m_layer);
  addWidget(new QLabel(tr(" Unit ")));
  m_unit = new QSpinBox;
  m_unit->setObjectName(QStringLiteral("unitSpin"));
  addWidget(m_unit);
  addWidget(new QLabel(tr(" Colour text by ")));
  m_quantity = new QComboBox;
  m_quantity->setObjectName(QStringLiteral("quantityCombo"));
  for (Quantity q : kShownQuantities)
    m_quantity->addItem(quantityName(q), int(q));
  addWidget(m_quantity);

  connect(m_layer, &QSpinBox::valueChanged, session, [session](int layer) { session->selectLayer(layer); });
  connect(m_unit, &QSpinBox::valueChanged, session,
          [session](int unit) { session->selectUnit(session->selectedLayer(), unit); });
  connect(m_quantity, &QComboBox::currentIndexChanged, session,
          [this] { m_session->selectQuantity(Quantity(m_quantity->currentData().toInt())); });
  connect(session, &ExplorerSession::modelChanged, this, &SelectionToolBar::syncFromSession);
  connect(session, &ExplorerSession::selectionChanged, this, &SelectionToolBar::syncFromSession);
  syncFromSession();
}

void SelectionToolBar::syncFromSession() {
  const QSignalBlocker blockLayer(m_layer), blockUnit(m_unit), blockQuantity(m_quantity);
  m_layer->setRange(0, std::max(0, m_session->layers() - 1));
  m_unit->setRange(0, std::max(0, m_session->units() - 1));
  m_layer->setValue(m_session->selectedLayer());
  m_unit->setValue(m_session->selectedUnit());
  m_quantity->setCurrentIndex(m_quantity->findData(int(m_session->selectedQuantity())));
}

} // namespace lstm
