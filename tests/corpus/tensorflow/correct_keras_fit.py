# gradrepl-corpus: target=model cause=none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(64, 4).astype("float32")
y = x.sum(axis=1, keepdims=True)
history = model.fit(x, y, epochs=2, batch_size=16, verbose=0)
print(history.history["loss"])
