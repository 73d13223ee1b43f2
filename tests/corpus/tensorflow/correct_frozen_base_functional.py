# gradrepl-corpus: target=model.trainable_variables cause=none
import numpy as np
import tensorflow as tf

base = tf.keras.Sequential([tf.keras.Input((16,)), tf.keras.layers.Dense(32, activation="relu"), tf.keras.layers.Dense(32, activation="relu")], name="base")
base.trainable = False
inputs = tf.keras.Input((16,))
features = base(inputs, training=False)
outputs = tf.keras.layers.Dense(5, activation="softmax")(features)
model = tf.keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
x = np.random.rand(40, 16).astype("float32")
y = np.random.randint(0, 5, size=(40,))
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
