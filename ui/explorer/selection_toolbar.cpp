#include "selection_toolbar.h"

#include "common/quantity_style.h"
#include "explorer_session.h"

#include <QComboBox>
#include <QEvent>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace lstm {

SelectionToolBar::SelectionToolBar(ExplorerSession *session, QWidget *parent)
    : QToolBar(parent), m_session(session) {
  setObjectName(QStringLiteral("selectionToolBar"));
  m_layerLabel = new QLabel;
  addWidget(m_layerLabel);
  m_layer = new QSpinBox;
  m_layer->setObjectName(QStringLiteral("layerSpin"));
  m_layer->setKeyboardTracking(false); // typing "12" selects 12 on Enter, not 1 and then 12
  addWidget(m_layer);
  m_unitLabel = new QLabel;
  addWidget(m_unitLabel);
  m_unit = new QSpinBox;
  m_unit->setObjectName(QStringLiteral("unitSpin"));
  m_unit->setKeyboardTracking(false);
  addWidget(m_unit);
  m_quantityLabel = new QLabel;
  addWidget(m_quantityLabel);
  m_quantity = new QComboBox;
  m_quantity->setObjectName(QStringLiteral("quantityCombo"));
  for (Quantity q : kShownQuantities)
    m_quantity->addItem(QString(), int(q));
  addWidget(m_quantity);
  retranslateUi();

  connect(m_layer, &QSpinBox::valueChanged, session, [session](int layer) { session->selectLayer(layer); });
  connect(m_unit, &QSpinBox::valueChanged, session,
          [session](int unit) { session->selectUnit(session->selectedLayer(), unit); });
  connect(m_quantity, &QComboBox::currentIndexChanged, session,
          [this] { m_session->selectQuantity(Quantity(m_quantity->currentData().toInt())); });
  connect(session, &ExplorerSession::modelChanged, this, &SelectionToolBar::syncFromSession);
  connect(session, &ExplorerSession::selectionChanged, this, &SelectionToolBar::syncFromSession);
  syncFromSession();
}

void SelectionToolBar::retranslateUi() {
  setWindowTitle(tr("Selection"));
  m_layerLabel->setText(tr(" Layer "));
  m_unitLabel->setText(tr(" Unit "));
  m_quantityLabel->setText(tr(" Colour text by "));
  for (int i = 0; i < m_quantity->count(); ++i)
    m_quantity->setItemText(i, quantityName(Quantity(m_quantity->itemData(i).toInt())));
}

void SelectionToolBar::changeEvent(QEvent *event) {
  if (event->type() == QEvent::LanguageChange)
    retranslateUi();
  QToolBar::changeEvent(event);
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
